#!/usr/bin/env bash
# Dashboard benchmark: seeds (once, cached under /tmp) a database of 10,000 trials × 50 epochs,
# starts the real dashboard on it and measures the Search page's first render and chart payloads.
# Usage: scripts/bench/dashboard/run.sh [--trials N] [--epochs E] [--runs R]
set -euo pipefail
cd "$(dirname "$0")/../../.."
dotnet build src/HyperSearch.Web -c Release -v q -nologo >/dev/null
dotnet run --project scripts/bench/dashboard -c Release -- --web src/HyperSearch.Web/bin/Release/net10.0/HyperSearch.Web.dll "$@"
