#!/usr/bin/env bash
# Installs what HyperSearch needs on Debian 12 and restores packages. Safe to run again: it only
# installs what is missing.  Usage: scripts/setup.sh [--test]   (--test adds the test-only tools)
set -euo pipefail
cd "$(dirname "$0")/.."

# libtorch-dev: the C++ training engine (TorchSharp is not on the NuGet registry here).
# libopenblas0-pthread: without it libtorch falls back to reference BLAS (~15x slower epochs).
# dataset-fashion-mnist: the real dataset, shipped by Debian; nothing is downloaded at run time.
# cmake/g++: build the native trainer library.  nodejs/npm: the front-end bundle (ECharts).
packages=(libtorch-dev libopenblas0-pthread dataset-fashion-mnist cmake g++ make)
command -v node >/dev/null 2>&1 || packages+=(nodejs)
command -v npm >/dev/null 2>&1 || packages+=(npm)
if [[ "${1:-}" == "--test" ]]; then
  # chromium + chromium-driver: the real browser of the end-to-end tests (Playwright drives it;
  # `playwright install` would download and cannot work here).  postgresql: the scale-out tests
  # start a private PostgreSQL 15 cluster.  python3-torch/python3-optuna are for the golden-data
  # and benchmark scripts only, not needed by tests.
  packages+=(chromium chromium-driver postgresql)
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
