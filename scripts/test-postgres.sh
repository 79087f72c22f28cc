#!/usr/bin/env bash
# Sourced by scripts/test.sh: postgres_start creates a throw-away PostgreSQL 15 cluster on a free
# loopback port and exports HYPERSEARCH_TEST_POSTGRES; postgres_stop removes it.
# initdb refuses to run as root, so the cluster belongs to the Debian package's postgres user.

pg_bin=/usr/lib/postgresql/15/bin

postgres_start() {
  [[ -x $pg_bin/initdb ]] || { echo "PostgreSQL 15 missing: run scripts/test.sh (it installs postgresql)"; return 1; }
  pg_dir=$(mktemp -d /tmp/hypersearch-pg.XXXXXX)
  pg_port=$((20000 + RANDOM % 20000))
  while (exec 3<>"/dev/tcp/127.0.0.1/$pg_port") 2>/dev/null; do pg_port=$((pg_port + 1)); done
  local run=()
  if [[ $(id -u) -eq 0 ]]; then
    chown postgres "$pg_dir"
    run=(runuser -u postgres --)
  fi
  "${run[@]}" "$pg_bin/initdb" -D "$pg_dir/data" -U hypersearch --auth=trust -E UTF8 >/dev/null
  "${run[@]}" "$pg_bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/log" -w \
    -o "-c listen_addresses=127.0.0.1 -p $pg_port -k $pg_dir -c fsync=off -c max_connections=200" start >/dev/null
  export HYPERSEARCH_TEST_POSTGRES="Host=127.0.0.1;Port=$pg_port;Username=hypersearch;Database=postgres"
  pg_run=("${run[@]}")
  echo "postgres: private cluster on 127.0.0.1:$pg_port"
}

postgres_stop() {
  [[ -n ${pg_dir:-} ]] || return 0
  "${pg_run[@]}" "$pg_bin/pg_ctl" -D "$pg_dir/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$pg_dir"
}
