#!/usr/bin/env bash
# Sampler benchmark: HyperSearch TPE and random (via `hypersearch ask-tell`) vs Optuna 3.1's TPE.
# Needs Debian's python3-optuna (run with /usr/bin/python3). Extra arguments go to bench.py,
# e.g. --seeds 5 --only branin. Takes ~10 minutes on 2 cores with the defaults.
set -euo pipefail
root="$(cd "$(dirname "$0")/../../.." && pwd)"
dotnet build -c Release -v q "$root/src/HyperSearch.Cli" >/dev/null
exec /usr/bin/python3 "$root/scripts/bench/samplers/bench.py" "$root/src/HyperSearch.Cli/bin/Release/net10.0/hypersearch" "$@"
