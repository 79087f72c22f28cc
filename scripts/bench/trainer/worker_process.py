"""What the worker benchmarks (soak.py, memory.py) share: where the Release CLI is and how big a
process is. Imported from the scripts' own folder, which Python puts on the path when it runs them."""
import os

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", ".."))
CLI = os.path.join(ROOT, "src/HyperSearch.Cli/bin/Release/net10.0/hypersearch.dll")


def rss_mb(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    raise RuntimeError("no VmRSS")
