#!/usr/bin/env bash
# Diagnosis precision (benchmark, not a test): trains an LR sweep of the built-in workloads for real
# (TorchSharp, one thread per trial; seeds 1-6, 3 workloads × 3 decay types × 10 LRs = 540 curves of
# 15 epochs, about an hour on a loaded 2-core machine; --minutes bounds it, and a second run
# continues where the first stopped), then reports the red badges' precision against the written
# rules of DiagnosisBench/SweepTruth.cs. Serialise with other benchmarks:
#   flock /tmp/hypersearch-bench.lock scripts/bench/diagnosis/run.sh [minutes=90] [curves file]
set -euo pipefail
cd "$(dirname "$0")/../../.."
minutes=${1:-90}; curves=${2:-artifacts/diagnosis/curves.jsonl}
dotnet build scripts/bench/diagnosis/DiagnosisBench -c Release -v q -nologo >/dev/null
bench=scripts/bench/diagnosis/DiagnosisBench/bin/Release/net10.0/DiagnosisBench.dll
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
dotnet "$bench" generate --out "$curves" --first-seed 1 --seeds 6 --epochs 15 --minutes "$minutes" | tail -n 3
dotnet "$bench" evaluate --in "$curves"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
