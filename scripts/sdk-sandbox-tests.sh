#!/usr/bin/env bash
# The three SDKs against a live sandbox, as integrators use them (`npm run test:sdk`):
#   1. builds the gateway and the TypeScript SDK, starts the sandbox in a throw-away folder;
#   2. runs each SDK's example program, the quick start of its README, and checks it found the
#      demo resident (and that a codice fiscale of nobody fails with the typed "not found" error);
#   3. runs the .NET and Java sandbox integration tests;
#   4. runs the parity suite (parity/README.md) in all three languages;
# then stops the sandbox. Needs the .NET SDK and Maven (see dotnet-client/ and java-client/).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$PATH"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

echo "== build"
npm run -s build
npm run -s build -w @geres/sdk

export PORT=${SDK_SANDBOX_PORT:-3997}
export ANPR_SIM_PORT=${SDK_SANDBOX_SIM_PORT:-3996}
export GERES_SANDBOX_DIR="$(mktemp -d)"
export LOG_LEVEL=${LOG_LEVEL:-warn}
log="$GERES_SANDBOX_DIR/sandbox.log"
node dist/test-env/src/bin/sandbox.js > "$log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true; wait $pid 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do
  curl -fs "http://127.0.0.1:$PORT/health/ready" >/dev/null 2>&1 && break
  kill -0 $pid 2>/dev/null || break
  sleep 1
done
curl -fs "http://127.0.0.1:$PORT/health/ready" >/dev/null || { cat "$log"; exit 1; }
export GERES_SANDBOX_URL="http://127.0.0.1:$PORT"
export GERES_CREDENTIALS="$GERES_SANDBOX_DIR/credentials.json"
echo "sandbox at $GERES_SANDBOX_URL (credentials $GERES_CREDENTIALS)"

# Runs an example: it must find the demo resident (idANPR SZ82865K3), and report nobody's code
# (NSSTVT70A01A662M) as SubjectNotFound with a non-zero exit.
check_example() {
  local name="$1"; shift
  local out
  out="$("$@" 2>&1)" || { echo "$out"; echo "$name example failed"; return 1; }
  grep -q 'SZ82865K3' <<<"$out" || { echo "$out"; echo "$name example did not print the demo resident's idANPR"; return 1; }
  if out="$("$@" NSSTVT70A01A662M 2>&1)"; then echo "$out"; echo "$name example succeeded for nobody"; return 1; fi
  grep -q 'SubjectNotFound' <<<"$out" || { echo "$out"; echo "$name example did not report SubjectNotFound"; return 1; }
  echo "$name example: found the demo resident; nobody is SubjectNotFound"
}

echo "== the READMEs' quick starts (example programs)"
check_example TypeScript node sdk/examples/lookup.ts
dotnet build dotnet-client/examples/Lookup/Lookup.csproj -c Release -v q -nologo >/dev/null
check_example .NET dotnet run --no-build -c Release --project dotnet-client/examples/Lookup --
check_example Java bash java-client/examples/run.sh

echo "== .NET sandbox integration tests"
trx="$GERES_SANDBOX_DIR/dotnet-trx"
dotnet test dotnet-client/GeRes.Client.Tests/GeRes.Client.Tests.csproj -c Release --filter "FullyQualifiedName~SandboxTests" \
  --logger "trx;LogFileName=integration.trx" --results-directory "$trx" --logger "console;verbosity=normal"
counters="$(grep -o '<Counters [^>]*>' "$trx/integration.trx")"
count() { echo "$counters" | sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p"; }
echo "dotnet-client integration: $(count passed) passed, $(count failed) failed, $(( $(count total) - $(count executed) )) not run"
[ "$(count passed)" -gt 0 ] && [ "$(count passed)" -eq "$(count total)" ] || { echo "every .NET integration test must run and pass here"; exit 1; }

echo "== Java sandbox integration tests"
bash java-client/test.sh -Dtest=SandboxIntegrationTest
report=java-client/target/surefire-reports/TEST-it.geres.client.SandboxIntegrationTest.xml
tests=$(sed -n 's/.*<testsuite[^>]* tests="\([0-9]*\)".*/\1/p' "$report" | head -1)
skipped=$(sed -n 's/.*<testsuite[^>]* skipped="\([0-9]*\)".*/\1/p' "$report" | head -1)
echo "java-client integration: $tests tests, $skipped skipped"
[ "${tests:-0}" -gt 0 ] && [ "${skipped:-1}" -eq 0 ] || { echo "every Java integration test must run and pass here"; exit 1; }

echo "== parity suite"
node dist/test-env/src/bin/parity.js
