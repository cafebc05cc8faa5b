#!/usr/bin/env bash
# Restores, builds and runs the unit tests of the .NET SDK, then packs it.
#   bash dotnet-client/test.sh
# Packages come from nuget.org or the mirror configured for it (NuGet.Config: Microsoft.Extensions.Http,
# the net8.0 reference pack, and xunit and the test SDK where the machine has no local folder), plus,
# when it exists, the machine's fixed package folder /opt/nuget/packages (xunit, the test SDK).
# Integration tests run too when GERES_SANDBOX_URL is set (see README.md); otherwise they say they are skipped.
set -euo pipefail
cd "$(dirname "$0")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

# The committed NuGet.Config names nuget.org only; --source replaces its list, so it is named again here.
local_packages=/opt/nuget/packages
sources=()
if [ -d "$local_packages" ]; then
  sources=(--source "$local_packages" --source https://api.nuget.org/v3/index.json)
fi
dotnet restore GeRes.Client.sln --configfile NuGet.Config --ignore-failed-sources ${sources[@]+"${sources[@]}"}
dotnet restore examples/Lookup/Lookup.csproj --configfile NuGet.Config --ignore-failed-sources ${sources[@]+"${sources[@]}"}
dotnet build GeRes.Client.sln -c Release --no-restore
dotnet build examples/Lookup/Lookup.csproj -c Release --no-restore

results="$(mktemp -d)"
trap 'rm -rf "$results"' EXIT
dotnet test GeRes.Client.Tests/GeRes.Client.Tests.csproj -c Release --no-build \
  --logger "trx;LogFileName=results.trx" --results-directory "$results" --logger "console;verbosity=normal"

# One plain closing line, read by CI: "N passed, N failed, N skipped".
counters="$(grep -o '<Counters [^>]*>' "$results/results.trx")"
count() { echo "$counters" | sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p"; }
total="$(count total)"; passed="$(count passed)"; failed="$(count failed)"; errors="$(count error)"
failed=$(( ${failed:-0} + ${errors:-0} )); skipped=$(( total - passed - failed ))
echo "dotnet-client: ${passed} passed, ${failed} failed, ${skipped} skipped"
if [ "$failed" -ne 0 ] || [ "$passed" -eq 0 ]; then exit 1; fi

# The NuGet package (with XML docs and the README) into GeRes.Client/bin/Release (git-ignored).
dotnet pack GeRes.Client/GeRes.Client.csproj -c Release --no-build >/dev/null
ls GeRes.Client/bin/Release/*.nupkg
