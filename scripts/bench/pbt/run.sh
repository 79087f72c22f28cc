#!/usr/bin/env bash
# PBT vs TPE at equal total epochs (adding-problem LSTM and fashion-cnn), through the real CLI/worker.
# Extra arguments go to bench.py, e.g. --population 4 --epochs 6 --seeds 3. Sized small by default
# (3 members x 3 epochs per workload and strategy) for a shared 2-core machine.
set -euo pipefail
root="$(cd "$(dirname "$0")/../../.." && pwd)"
dotnet build -c Release -v q "$root/src/HyperSearch.Cli" >/dev/null
exec nice -n 10 /usr/bin/python3 "$root/scripts/bench/pbt/bench.py" "$root/src/HyperSearch.Cli/bin/Release/net10.0/hypersearch" "$@"
