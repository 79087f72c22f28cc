# Sourced by the load benchmarks (run.sh, signin.sh): builds the dashboard and the CLI in Release,
# makes a scratch folder $dir with a SQLite connection string $db, picks a free loopback $port, and on
# exit stops every process whose id is in $pids and removes $dir. Sets $root to the repository root.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../../.."
root=$(pwd)
dotnet build src/HyperSearch.Web -c Release -v q -nologo >/dev/null
dotnet build src/HyperSearch.Cli -c Release -v q -nologo >/dev/null
dir=$(mktemp -d "/tmp/hypersearch-bench-$1.XXXXXX")
port=$(/usr/bin/python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
db="Data Source=$dir/hypersearch.db"
pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$dir"; }
trap cleanup EXIT
