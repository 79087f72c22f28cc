#!/usr/bin/env bash
# Dashboard benchmark: seeds (once, cached under /tmp) a database of 10,000 trials × 50 epochs (and
# 1,000 searches in the list),
# starts the real dashboard on it and measures the Search and Searches pages, chart payloads and the
# server memory with ten Search pages open. Runs under nice; prints the load average.
# Usage: scripts/bench/dashboard/run.sh [--trials N] [--epochs E] [--runs R] [--searches S]
set -euo pipefail
cd "$(dirname "$0")/../../.."
dotnet build src/HyperSearch.Web -c Release -v q -nologo >/dev/null
nice -n 10 dotnet run --project scripts/bench/dashboard -c Release -- --web src/HyperSearch.Web/bin/Release/net10.0/HyperSearch.Web.dll "$@"
