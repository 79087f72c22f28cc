#!/usr/bin/env bash
# Where the queue benchmark's PostgreSQL sessions spend their time (docs/benchmarks.md, "Queue at
# cluster scale"): samples pg_stat_activity of the benchmark's databases (hs_bench_*) every 100 ms
# while a `run.sh` with BENCH_PART=scale runs, then prints how often a session was seen in each state
# (active / idle in transaction), waiting on what (Lock:advisory, Lock:transactionid, Client:…), and
# the statements seen waiting for a lock most often.
#   scripts/bench/queue/pg-waits.sh [seconds=60] [port]   (port: the benchmark cluster's; found from ps)
set -euo pipefail
seconds=${1:-60}
port=${2:-$(ps -eo args | grep -o 'postgres -D /tmp/hypersearch-pg[^ ]*/data -p [0-9]*' | grep -o '[0-9]*$' | head -1)}
[ -n "$port" ] || { echo "no benchmark cluster running (start run.sh BENCH_PART=scale first)" >&2; exit 1; }
psql_() { psql -h 127.0.0.1 -p "$port" -U postgres -d postgres -AtF $'\t' "$@"; }
samples=$(mktemp)
end=$((SECONDS + seconds))
while [ $SECONDS -lt $end ]; do
  psql_ -c "SELECT state, coalesce(wait_event_type || ':' || wait_event, 'cpu'), regexp_replace(left(query, 90), '\s+', ' ', 'g')
            FROM pg_stat_activity WHERE datname LIKE 'hs_bench_%' AND state <> 'idle'" >>"$samples" 2>/dev/null || true
  sleep 0.1
done
echo "port $port, $(wc -l <"$samples") session samples over ${seconds} s; load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "-- state / wait:"
cut -f1,2 "$samples" | sort | uniq -c | sort -rn | head -12
echo "-- statements seen waiting for a lock:"
awk -F'\t' '$2 ~ /^Lock:/ { print $2 "\t" $3 }' "$samples" | sort | uniq -c | sort -rn | head -8
rm -f "$samples"
