#!/usr/bin/env bash
# Starts or stops a private PostgreSQL 15 cluster for the tests (no Docker here): a temp data dir,
# trust auth, listening on 127.0.0.1 only.
#   eval "$(scripts/test-postgres.sh start)"   # exports HYPERSEARCH_TEST_POSTGRES and HYPERSEARCH_TEST_POSTGRES_DIR
#   scripts/test-postgres.sh stop              # stops it and deletes the data dir
#   scripts/test-postgres.sh restart DIR SECS  # fast stop, SECS down, start again on the same port
#                                              # (the outage tests restart a private cluster this way)
# Tests read HYPERSEARCH_TEST_POSTGRES (an Npgsql connection string to an admin database) and
# create one throwaway database per test. As root, the server runs as the 'postgres' user
# (initdb refuses to run as root).
set -euo pipefail
BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}
cmd=${1:-}

as_pg() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

case "$cmd" in
  start)
    dir=$(mktemp -d /tmp/hypersearch-pg.XXXXXX)
    [ "$(id -u)" = 0 ] && chown postgres: "$dir"
    port=${HYPERSEARCH_TEST_POSTGRES_PORT:-$(( 40000 + RANDOM % 20000 ))}
    as_pg "$BIN/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 --no-instructions >"$dir/initdb.log" 2>&1
    echo "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" >"$dir/options"
    as_pg "$BIN/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 -o "$(cat "$dir/options")" start >/dev/null
    echo "export HYPERSEARCH_TEST_POSTGRES='Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres'"
    echo "export HYPERSEARCH_TEST_POSTGRES_DIR='$dir'"
    ;;
  stop)
    dir=${2:-${HYPERSEARCH_TEST_POSTGRES_DIR:-}}
    [ -n "$dir" ] && [ -d "$dir/data" ] || { echo "no cluster dir given (arg 2 or HYPERSEARCH_TEST_POSTGRES_DIR)" >&2; exit 1; }
    as_pg "$BIN/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null || true
    rm -rf "$dir"
    ;;
  restart)
    dir=${2:?cluster dir}; down=${3:-8}
    as_pg "$BIN/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null
    sleep "$down"
    as_pg "$BIN/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 -o "$(cat "$dir/options")" start >/dev/null
    ;;
  *)
    echo "usage: $0 start | stop [dir] | restart dir seconds" >&2
    exit 2
    ;;
esac
