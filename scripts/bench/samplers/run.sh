#!/usr/bin/env bash
# Sampler benchmark (PROTOCOL.md): HyperSearch's TPE and random (via `hypersearch ask-tell`) vs Optuna
# 3.1's TPESampler. Needs Debian's python3-optuna (installed here if missing; run with /usr/bin/python3).
# Extra arguments go to bench.py, e.g. --k 4 --seeds 50 --results r.jsonl --compare hypersearch-tpe:optuna-tpe.
# Run it under `nice -n 10` on a shared machine.
set -euo pipefail
root="$(cd "$(dirname "$0")/../../.." && pwd)"
if ! /usr/bin/python3 -c "import optuna" 2>/dev/null; then
    sudo_or_not=$([ "$(id -u)" = 0 ] && echo "" || echo sudo)
    $sudo_or_not apt-get install -y --no-install-recommends python3-optuna
fi
dotnet build -c Release -v q "$root/src/HyperSearch.Cli" >/dev/null
exec /usr/bin/python3 "$root/scripts/bench/samplers/bench.py" "$root/src/HyperSearch.Cli/bin/Release/net10.0/hypersearch" "$@"
