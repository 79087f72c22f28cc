#!/usr/bin/env bash
# Sign-in timing (docs/benchmarks.md, "Sign-in timing"): a wrong password for existing accounts and for
# unknown names against the real dashboard with 10 accounts. Prints the load average (shared machine).
# Usage: scripts/bench/load/signin.sh
source "$(dirname "$0")/prepare.sh" signin
for i in $(seq 0 9); do
  echo "a-long-password-$i" | dotnet "$root/src/HyperSearch.Cli/bin/Release/net10.0/hypersearch.dll" user add "u$i" --db "$db" >/dev/null
done
(cd "$dir" && exec env ASPNETCORE_ENVIRONMENT=Production HyperSearch__Worker__Embedded=false HyperSearch__Database__ConnectionString="$db" \
  HyperSearch__ForwardedHeaders__KnownProxies__0=127.0.0.1 \
  dotnet "$root/src/HyperSearch.Web/bin/Release/net10.0/HyperSearch.Web.dll" --urls "http://127.0.0.1:$port" >"$dir/web.log" 2>&1) &
pids+=($!)
for _ in $(seq 1 300); do curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.2; done
/usr/bin/python3 scripts/bench/load/signin.py --url "http://127.0.0.1:$port"
