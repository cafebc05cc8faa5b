#!/usr/bin/env bash
# Regenerates GeRes.Client/Generated/GeResApi.g.cs from openapi/geres.openapi.json with NSwag.
#
#   bash dotnet-client/generate.sh           # write the generated file
#   bash dotnet-client/generate.sh --check   # regenerate into a temporary folder; fail on any difference (CI)
#
# Needs Node (for npx and the two small scripts in generator/) and the .NET 10 runtime: the npm
# package `nswag` bundles NSwag's .NET binaries, run here as /runtime:Net100. npx downloads the
# pinned version from the npm registry into its own cache; nothing is installed in the project.
set -euo pipefail
NSWAG_VERSION=14.7.1
here="$(cd "$(dirname "$0")" && pwd)"
target="$here/GeRes.Client/Generated/GeResApi.g.cs"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

node "$here/generator/prepare-openapi.mjs" --strict "$here/../openapi/geres.openapi.json" "$tmp/openapi.json"

# Run npx outside the repository, so that it never resolves the project's own node_modules.
(cd "$tmp" && npx --yes "nswag@$NSWAG_VERSION" openapi2csclient \
  /runtime:Net100 \
  /input:"$tmp/openapi.json" \
  /output:"$tmp/nswag.cs" \
  /namespace:GeRes.Client.Generated \
  /className:{controller}Client \
  /operationGenerationMode:MultipleClientsFromFirstTagAndOperationId \
  /jsonLibrary:SystemTextJson \
  /generateNullableReferenceTypes:true \
  /generateOptionalPropertiesAsNullable:true \
  /generateClientInterfaces:true \
  /injectHttpClient:true \
  /disposeHttpClient:false \
  /useBaseUrl:false \
  /generateBaseUrlProperty:false \
  /clientBaseClass:GeResApiBase \
  /useHttpRequestMessageCreationMethod:true \
  /exceptionClass:GeResApiException \
  /generateOptionalParameters:true \
  /dateType:System.DateOnly \
  /dateTimeType:System.DateTimeOffset \
  /parameterDateFormat:yyyy-MM-dd \
  /generateDataAnnotations:false) >"$tmp/nswag.log" 2>&1 || { cat "$tmp/nswag.log" >&2; exit 1; }

node "$here/generator/postprocess.mjs" "$tmp/nswag.cs" "$tmp/GeResApi.g.cs"

if [ "${1:-}" = "--check" ]; then
  if ! diff -u "$target" "$tmp/GeResApi.g.cs" >"$tmp/drift.diff"; then
    head -n 60 "$tmp/drift.diff" >&2
    echo "dotnet-client: the generated client differs from openapi/: run bash dotnet-client/generate.sh" >&2
    exit 1
  fi
  echo "dotnet-client: generated client up to date (NSwag $NSWAG_VERSION)"
else
  mkdir -p "$(dirname "$target")"
  cp "$tmp/GeResApi.g.cs" "$target"
  echo "dotnet-client: wrote ${target#"$here"/} (NSwag $NSWAG_VERSION)"
fi
