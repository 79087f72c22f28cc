#!/usr/bin/env bash
# PostgreSQL JIT on HyperSearch's short queries (docs/benchmarks.md, "PostgreSQL JIT on short queries").
# Starts a private PostgreSQL 15 cluster, seeds it through the dashboard benchmark (10,000 trials in one
# finished search beside 999 waiting searches) and prints, with JIT on (PostgreSQL's default) and off
# (HyperSearch's default since DbContextOptionsFactory.NormalizePostgres):
#   * the Queue page (navigation → circuit live) from the dashboard benchmark, A/B/A/B;
#   * EXPLAIN ANALYZE execution time of the worker's ask query and the Queue page's pending query,
#     median of 7 after one warm-up, and the JIT time PostgreSQL reports.
# Usage: scripts/bench/queue/postgres-jit.sh [--postgres CONNECTION]  (an admin database of a running server)
set -euo pipefail
cd "$(dirname "$0")/../../.."
if [ "${1:-}" = --postgres ]; then
  admin=$2
else
  eval "$(scripts/test-postgres.sh start)"
  trap 'scripts/test-postgres.sh stop "$HYPERSEARCH_TEST_POSTGRES_DIR"' EXIT
  admin=$HYPERSEARCH_TEST_POSTGRES
fi
echo "load average at the start: $(cut -d' ' -f1-3 /proc/loadavg)"

for round in 1 2; do
  for jit in on off; do
    line=$(scripts/bench/dashboard/run.sh --provider postgres --postgres "$admin;Options=-c jit=$jit" --runs 1 | grep '^| Queue page')
    echo "round $round, jit=$jit: $line"
  done
done

# The seeded database and a psql connection string for it, from the Npgsql one.
psql_conn=$(echo "$admin" | tr ';' '\n' | sed -E 's/^Host=/host=/I; s/^Port=/port=/I; s/^Username=/user=/I; s/^Password=/password=/I; /^Database=/Id' | tr '\n' ' ')
database=$(psql "$psql_conn dbname=postgres" -Atc "SELECT datname FROM pg_database WHERE datname LIKE 'bench_%' AND datname NOT LIKE '%_seeding' ORDER BY datname LIMIT 1")

# The worker's ask (WorkQueue.OpenForAsk) and the Queue page's pending searches (QueueViewBuilder),
# as EF Core writes them for Npgsql.
ask='SELECT s.*, (SELECT count(*)::int FROM "Trials" AS t WHERE t."SearchId" = s."Id" AND t."Kind" = '"'Search'"') AS "Total",
  (SELECT count(*)::int FROM "Trials" AS t0 WHERE t0."SearchId" = s."Id" AND t0."State" = '"'Running'"') AS "Running"
FROM "Searches" AS s WHERE s."State" = '"'Running'"' AND NOT (s."SamplerExhausted")
  AND (SELECT count(*)::int FROM "Trials" AS t1 WHERE t1."SearchId" = s."Id" AND t1."Kind" = '"'Search'"') < s."Budget"
  AND (SELECT count(*)::int FROM "Trials" AS t2 WHERE t2."SearchId" = s."Id" AND t2."State" = '"'Running'"') < s."Parallelism"'
pending='SELECT s."Id", s."Name", s."Owner", s."TeamId", s."LaunchedByUserId", s."Priority", s."Parallelism", s."State", s."Budget", s."CreatedAt",
  (SELECT count(*)::int FROM "Trials" AS t0 WHERE t0."SearchId" = s."Id" AND t0."Kind" = '"'Search'"') AS "Total"
FROM "Searches" AS s WHERE s."State" IN ('"'Running'"', '"'Paused'"') AND NOT (s."SamplerExhausted")
  AND (SELECT count(*)::int FROM "Trials" AS t WHERE t."SearchId" = s."Id" AND t."Kind" = '"'Search'"') < s."Budget"'

median() { sort -n | awk '{ v[NR] = $1 } END { printf "%.1f", NR ? v[int((NR + 1) / 2)] : 0 }'; }
explain() { # jit, query → "median execution ms (median JIT ms)", 7 runs after a warm-up
  local plans
  plans=$(for i in 0 1 2 3 4 5 6 7; do
    psql "$psql_conn dbname=$database" -At -c "SET jit = $1" -c "EXPLAIN (ANALYZE, FORMAT TEXT) $2" | sed "s/^/$i /"
  done | grep -v '^0 ')
  echo "$(echo "$plans" | grep -o 'Execution Time: [0-9.]*' | cut -d' ' -f3 | median) ms" \
       "(JIT $(echo "$plans" | grep -o 'Total [0-9.]* ms' | cut -d' ' -f2 | median) ms)"
}
echo "database: $database"
for jit in on off; do
  echo "jit=$jit: worker ask $(explain $jit "$ask"); Queue pending $(explain $jit "$pending")"
done
echo "estimated rows per count lookup: $(psql "$psql_conn dbname=$database" -At -c "EXPLAIN $pending" | grep -o "Index Only Scan.*rows=[0-9]*" | head -1 | grep -o "rows=[0-9]*$")"
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
