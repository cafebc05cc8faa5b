#!/usr/bin/env bash
# Builds and tests the Java client offline, against Debian's Maven repository:
#   1. installs the Debian packages if they are missing (needs root, or sudo),
#   2. checks that the generated layer matches openapi/geres.openapi.json,
#   3. runs `mvn -o test` with /usr/share/maven-repo as the local repository.
# Integration tests against a running sandbox run only when GERES_SANDBOX_URL is set.
# Extra arguments go to Maven, e.g. ./test.sh -Dtest=GeResClientTest
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo_root="$(cd "$here/.." && pwd)"

packages=(junit5 libjackson2-databind-java libmaven-compiler-plugin-java libsurefire-java libmaven-jar-plugin-java libmaven-resources-plugin-java)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ! command -v mvn >/dev/null; then missing+=(maven); fi
if [ ${#missing[@]} -gt 0 ]; then
  echo "test.sh: installing ${missing[*]}"
  sudo_cmd=""; [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq "${missing[@]}" >/dev/null
fi

node_bin="$(command -v node || true)"
[ -x "$repo_root/node_modules/.bin/node" ] && node_bin="$repo_root/node_modules/.bin/node"
if [ -n "$node_bin" ]; then
  "$node_bin" "$here/generator/generate.mjs" --check
else
  echo "test.sh: no node found; skipping the generation drift check" >&2
fi

cd "$here"
mvn -B -o -Dmaven.repo.local=/usr/share/maven-repo test "$@"
