#!/usr/bin/env bash
# README command 2: install what is missing (also Chromium, PostgreSQL and Slurm), build, start a private
# PostgreSQL cluster and a private Slurm cluster, and run every test project of the solution one after another.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --test
dotnet build HyperSearch.sln -c Debug --no-restore --verbosity quiet -nologo

# A private PostgreSQL 15 cluster on a loopback port and a private single-node Slurm cluster (the Slurm
# executor's tests), both stopped on exit whatever happens.
eval "$(scripts/test-postgres.sh start)"
trap 'scripts/test-postgres.sh stop' EXIT
eval "$(scripts/test-slurm.sh start)"
trap 'scripts/test-slurm.sh stop; scripts/test-postgres.sh stop' EXIT

mkdir -p artifacts
log=artifacts/test-output.log
: > "$log"
failed_projects=()
for project in tests/*/*.csproj; do
  echo "=== $(basename "$project" .csproj)"
  if ! dotnet test "$project" --no-build --nologo --verbosity quiet \
       --logger "console;verbosity=minimal" --results-directory artifacts/test-results 2>&1 | tee -a "$log"; then
    failed_projects+=("$(basename "$project" .csproj)")
  fi
done

# One closing line for the whole run, summed over every project's summary line.
awk '/(Passed|Failed)! +- +Failed: /{
       for (i = 1; i <= NF; i++) {
         if ($i == "Failed:") f += $(i+1); if ($i == "Passed:") p += $(i+1); if ($i == "Skipped:") s += $(i+1)
       }
     } END { gsub(",", "", p); printf "Tests: %d passed, %d failed, %d skipped\n", p, f, s }' "$log"
if ((${#failed_projects[@]})); then
  echo "failing test projects: ${failed_projects[*]}"
  exit 1
fi
