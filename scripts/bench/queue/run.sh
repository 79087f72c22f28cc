#!/usr/bin/env bash
# Queue benchmark (not a test): claim→start overhead and slot utilisation with a backlog
# (real `hypersearch worker` processes, fake sleeping trainer), SQLite and PostgreSQL, 1 and 4
# workers × 2 slots; then the dashboard's main store queries at 10k trials / 1M epoch rows.
# Prints markdown table rows for docs/benchmarks.md ("Queue"). Takes ~5 minutes.
#   scripts/bench/queue/run.sh [trialsPerSlot=20] [epochs=2] [epochMs=500]
# BENCH_PART=queue or BENCH_PART=queries runs only that table (default: both).
# BENCH_PART=scale: the cluster-scale table instead (PostgreSQL, 16/64/256 slots as 1/4/16 workers ×
# 16 slots; BENCH_SCALE="1 4 16" and BENCH_SLOTS=16 override; the arguments then default to 8 trials
# per slot × 2 epochs × 5000 ms, so the claim rate grows with the slots: 1.6, 6.4, 25.6 starts/s).
# Every run checks, from a trigger's log of every write of a trial's start, that no trial started twice. Other engineers
# benchmark on the same box: serialise with `flock /tmp/hypersearch-bench.lock scripts/bench/queue/run.sh`.
set -euo pipefail
cd "$(dirname "$0")/../../.."
part=${BENCH_PART:-all}
if [ "$part" = scale ]; then per_slot=${1:-8}; epochs=${2:-2}; epoch_ms=${3:-5000}
else per_slot=${1:-20}; epochs=${2:-2}; epoch_ms=${3:-500}; fi

dotnet build src/HyperSearch.Cli -c Release -v q -nologo >/dev/null
dotnet build scripts/bench/queue/QueueBench -c Release -v q -nologo >/dev/null
cli=src/HyperSearch.Cli/bin/Release/net10.0/hypersearch.dll
bench=scripts/bench/queue/QueueBench/bin/Release/net10.0/QueueBench.dll

eval "$(scripts/test-postgres.sh start)"
trap 'scripts/test-postgres.sh stop' EXIT

echo "load average before: $(uptime | sed 's/.*load average: //')"
header() {
  echo "| provider | workers × slots | trials × length | overhead mean (ms) | p50 | p95 | utilisation | overhead mean, incl. warm-up | utilisation, incl. warm-up | starts |"
  echo "|---|---|---|---|---|---|---|---|---|---|"
}
if [ "$part" = scale ]; then
  header
  for workers in ${BENCH_SCALE:-1 4 16}; do
    dotnet "$bench" queue postgres "$cli" "$workers" "${BENCH_SLOTS:-16}" "$per_slot" "$epochs" "$epoch_ms"
    echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
  done
  echo "load average after: $(uptime | sed 's/.*load average: //')"
  exit 0
fi
if [ "$part" != queries ]; then
header
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
