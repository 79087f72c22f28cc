#!/usr/bin/env bash
# Dashboard under load (docs/benchmarks.md, "Dashboard under load"): the real dashboard (Release,
# embedded worker off, SQLite) with two `hypersearch worker` processes training fashion-mlp on one
# CPU slot each, then rounds of 200 concurrent page GETs + 50 concurrent launches; latency
# percentiles, errors and the dashboard's memory. Prints the load average (the machine is shared).
# Usage: scripts/bench/load/run.sh [--gets 200] [--creates 50] [--rounds 3] [--settle 30]
#        SERVER_ENV="NAME=VALUE ..." scripts/bench/load/run.sh   (runtime settings for the dashboard alone)
source "$(dirname "$0")/prepare.sh" load
(cd "$dir" && exec env ${SERVER_ENV:-} ASPNETCORE_ENVIRONMENT=Production HyperSearch__Worker__Embedded=false \
  HyperSearch__Database__ConnectionString="$db" \
  dotnet "$root/src/HyperSearch.Web/bin/Release/net10.0/HyperSearch.Web.dll" --urls "http://127.0.0.1:$port" >"$dir/web.log" 2>&1) &
pids+=($!)
web=$!
sleep 5 # the dashboard migrates the database before the workers open it
for i in 1 2; do
  (cd "$dir" && HyperSearch__Checkpoints__Directory="$dir/checkpoints" \
    exec dotnet "$root/src/HyperSearch.Cli/bin/Release/net10.0/hypersearch.dll" worker --devices cpu:1 --db "$db" >"$dir/worker-$i.log" 2>&1) &
  pids+=($!)
done
# The dashboard's own process (dotnet exec'd in the subshell above).
/usr/bin/python3 scripts/bench/load/load.py --url "http://127.0.0.1:$port" --pid "$web" "$@" || { tail -20 "$dir/web.log"; exit 1; }
