#!/usr/bin/env bash
# Compiles the client and runs examples/Lookup.java (Java 17 single-file launch).
# Run it from the repository root, where `npm start` writes .sandbox/credentials.json, or set
# GERES_CREDENTIALS (and GERES_URL). Maven's output goes to stderr: stdout is the program's.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
if [ -d /usr/share/maven-repo/com/fasterxml/jackson/core/jackson-databind ] && [ -z "${GERES_ONLINE:-}" ]; then
  # Offline, against Debian's Maven repository (see test.sh).
  mvn -q -o -f "$here/pom.xml" -Dmaven.repo.local=/usr/share/maven-repo compile >&2
  cp="$here/target/classes:/usr/share/java/jackson-databind.jar:/usr/share/java/jackson-core.jar:/usr/share/java/jackson-annotations.jar"
else
  mvn -q -f "$here/pom.xml" compile dependency:build-classpath -Dmdep.outputFile="$here/target/classpath.txt" -Dmdep.includeScope=runtime >&2
  cp="$here/target/classes:$(cat "$here/target/classpath.txt")"
fi
exec java -cp "$cp" "$here/examples/Lookup.java" "$@"
