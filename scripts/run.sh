#!/usr/bin/env bash
# README command 1: install what is missing, build, and serve the dashboard with SQLite in ./data.
# Extra arguments go to the web app, e.g. scripts/run.sh --urls http://127.0.0.1:8080
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
dotnet build HyperSearch.sln -c Release --no-restore --verbosity quiet -nologo
mkdir -p data
echo "HyperSearch: serving the dashboard (see \"Urls\" in appsettings.json; default http://127.0.0.1:5180)"
exec dotnet src/HyperSearch.Web/bin/Release/net10.0/HyperSearch.Web.dll "$@"
