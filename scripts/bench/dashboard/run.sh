#!/usr/bin/env bash
# Dashboard benchmark: seeds (once, cached under /tmp) a database of 10,000 trials × 50 epochs (and
# 1,000 searches in the list),
# starts the real dashboard on it and measures the Search and Searches pages, chart payloads and the
# server memory with ten Search pages open. Runs under nice; prints the load average.
# Usage: scripts/bench/dashboard/run.sh [--trials N] [--epochs E] [--runs R] [--searches S]
#          [--provider sqlite|postgres] [--postgres CONNECTION] [--server-log FILE]
#          [--compare stock-echarts|echarts:FILE|no-prerendered]  (the interleaved A/B visit; default stock-echarts)
#          [--trace FILE]  (a Chromium performance trace of the last counted first visit)
#          [--server-env "NAME=VALUE;..."]  (runtime settings for the server alone)
#          [--browser /usr/bin/chromium]  (default: Debian's chromium-headless-shell, installed here if
#          missing; the full browser adds its own UI's work to every first visit: docs/benchmarks.md)
#          [--browser-args "--flag ..."]
#          [--mode browser|server|seed]  (server: the server's side at scale, ServerScaleRun, and its
#          memory with ten Search pages open, no timed browser visits; seed: only seed the database)
# --provider postgres without --postgres starts a private PostgreSQL 15 cluster
# (scripts/test-postgres.sh), seeds it and deletes it at the end.
set -euo pipefail
cd "$(dirname "$0")/../../.."
args=("$@")
if [[ " $* " == *" --provider postgres "* && " $* " != *" --postgres "* ]]; then
  eval "$(scripts/test-postgres.sh start)"
  trap 'scripts/test-postgres.sh stop "$HYPERSEARCH_TEST_POSTGRES_DIR"' EXIT
  args+=(--postgres "$HYPERSEARCH_TEST_POSTGRES")
fi
if [ ! -x /usr/bin/chromium-headless-shell ]; then
  $([ "$(id -u)" = 0 ] || echo sudo) apt-get install -y --no-install-recommends chromium-headless-shell >/dev/null
fi
dotnet build src/HyperSearch.Web -c Release -v q -nologo >/dev/null
nice -n 10 dotnet run --project scripts/bench/dashboard -c Release -- --web src/HyperSearch.Web/bin/Release/net10.0/HyperSearch.Web.dll "${args[@]}"
