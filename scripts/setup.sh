#!/usr/bin/env bash
# Installs what HyperSearch needs on Debian 12 and restores packages. Safe to run again: it only
# installs what is missing.  Usage: scripts/setup.sh [--test]   (--test adds the test-only tools)
set -euo pipefail
cd "$(dirname "$0")/.."

# The trainer is TorchSharp + libtorch 2.10 from NuGet (restored below; MKL and OpenMP included).
# dataset-fashion-mnist: the real dataset, shipped by Debian; nothing is downloaded at run time.
# patchelf, g++: Debian 12's libstdc++ lacks the one GLIBCXX_3.4.32 symbol TorchSharp's glue library
# asks for; the build patches its copy and compiles a 2-line stand-in (build/TorchRuntime.targets).
# Systems whose libstdc++ has it (Debian 13, Ubuntu 24.04) need neither.
# nodejs/npm: the front-end bundle (ECharts).
packages=(dataset-fashion-mnist)
grep -q GLIBCXX_3.4.32 /usr/lib/x86_64-linux-gnu/libstdc++.so.6 2>/dev/null || packages+=(patchelf g++)
command -v node >/dev/null 2>&1 || packages+=(nodejs)
command -v npm >/dev/null 2>&1 || packages+=(npm)
if [[ "${1:-}" == "--test" ]]; then
  # chromium + chromium-driver: the real browser of the end-to-end tests (Playwright drives it;
  # `playwright install` would download and cannot work here).  postgresql: the scale-out tests
  # start a private PostgreSQL 15 cluster.  python3-torch: the command-workload tests run the
  # Python example (examples/python/pytorch_simple.py) with /usr/bin/python3.  python3-optuna is
  # for the benchmark scripts only.  slurm-wlm + munge: the Slurm executor tests start a private
  # single-node cluster (scripts/test-slurm.sh).
  packages+=(chromium chromium-driver postgresql python3-torch slurm-wlm munge)
fi

missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if ((${#missing[@]})); then
  echo "setup: installing ${missing[*]}"
  sudo_cmd=()
  [[ $(id -u) -eq 0 ]] || sudo_cmd=(sudo)
  "${sudo_cmd[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

command -v dotnet >/dev/null 2>&1 || { echo "setup: the .NET 10 SDK is required (dotnet not on PATH)"; exit 1; }

(cd wwwroot-assets && npm ci --no-audit --no-fund --loglevel=error)
dotnet restore HyperSearch.sln --verbosity quiet
# dotnet-ef (.config/dotnet-tools.json): `dotnet ef migrations add`, see docs/migrations.md.
dotnet tool restore >/dev/null
echo "setup: ready"
