#!/usr/bin/env bash
# Queue benchmark (not a test): claim→start overhead and slot utilisation with a backlog
# (real `hypersearch worker` processes, fake sleeping trainer), SQLite and PostgreSQL, 1 and 4
# workers × 2 slots; then the dashboard's main store queries at 10k trials / 1M epoch rows.
# Prints markdown table rows for docs/benchmarks.md ("Queue"). Takes ~5 minutes.
#   scripts/bench/queue/run.sh [trialsPerSlot=20] [epochs=2] [epochMs=500]
# BENCH_PART=queue or BENCH_PART=queries runs only that table (default: both). Other engineers
# benchmark on the same box: serialise with `flock /tmp/hypersearch-bench.lock scripts/bench/queue/run.sh`.
set -euo pipefail
cd "$(dirname "$0")/../../.."
per_slot=${1:-20}; epochs=${2:-2}; epoch_ms=${3:-500}
part=${BENCH_PART:-all}

dotnet build src/HyperSearch.Cli -c Release -v q -nologo >/dev/null
dotnet build scripts/bench/queue/QueueBench -c Release -v q -nologo >/dev/null
cli=src/HyperSearch.Cli/bin/Release/net10.0/hypersearch.dll
bench=scripts/bench/queue/QueueBench/bin/Release/net10.0/QueueBench.dll

eval "$(scripts/test-postgres.sh start)"
trap 'scripts/test-postgres.sh stop' EXIT

echo "load average before: $(uptime | sed 's/.*load average: //')"
if [ "$part" != queries ]; then
echo "| provider | workers × slots | trials × length | overhead mean (ms) | p50 | p95 | utilisation | overhead mean, incl. warm-up | utilisation, incl. warm-up |"
echo "|---|---|---|---|---|---|---|---|---|"
for provider in sqlite postgres; do
  for workers in 1 4; do
    dotnet "$bench" queue "$provider" "$cli" "$workers" 2 "$per_slot" "$epochs" "$epoch_ms"
  done
done

fi

if [ "$part" != queue ]; then
echo
echo "| provider | query | median (ms) | max of 15 (ms) |"
echo "|---|---|---|---|"
for provider in sqlite postgres; do
  dotnet "$bench" queries "$provider" 10000 100 2>/dev/null
done
fi
echo "load average after: $(uptime | sed 's/.*load average: //')"
