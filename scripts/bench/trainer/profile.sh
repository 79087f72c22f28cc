#!/usr/bin/env bash
# Step profile (benchmark, not a test): the phases of one training step of our trainer
# (StepProfile, the real TrainingSession) next to PyTorch 1.13's on OpenBLAS (step_profile.py),
# with managed allocation and collections per step. Run on a quiet machine; serialise with others:
#   flock /tmp/hypersearch-bench.lock scripts/bench/trainer/profile.sh [batch=32] [threads=1]
set -euo pipefail
cd "$(dirname "$0")/../../.."
batch=${1:-32}; threads=${2:-1}
dotnet build scripts/bench/trainer/StepProfile -c Release -v q -nologo >/dev/null
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
for run in 1 2; do
  dotnet scripts/bench/trainer/StepProfile/bin/Release/net10.0/StepProfile.dll fashion-mlp "$batch" "$threads" 4
  OPENBLAS_NUM_THREADS=$threads OMP_NUM_THREADS=$threads /usr/bin/python3 scripts/bench/trainer/step_profile.py "$batch" "$threads"
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
