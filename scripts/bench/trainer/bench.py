#!/usr/bin/python3
"""Trainer benchmark: HyperSearch's TorchSharp trainer (via `hypersearch trial run`) against
PyTorch 1.13 from Python, same model, data sizes, batch size, optimizer (SGD, momentum 0.9,
lr 0.05) and thread count. Runs alternate (ours, PyTorch, ours, ...) so load drifts hit both.
An epoch is training plus validation; epoch 1 is skipped (ours loads the data inside it).
Prints a markdown table: median seconds per epoch, the median of the paired per-run ratios
(ours / PyTorch), the ratio of the best epochs (interference only ever adds time, so on a shared
machine the minimum is the steadier estimate), and the median final validation accuracy.

The baseline must run at its best: the script installs Debian's python3-torch and OpenBLAS
(libopenblas0-pthread, which Debian's python3-torch picks up through the libblas.so.3 alternative),
prints PyTorch's build configuration and thread counts, and refuses to report any ratio when the
baseline process has loaded another BLAS (Debian's reference libblas3 is ~10x slower: every ratio
measured against it flatters us).

On a machine shared with other work, --isolate runs every measured process (ours and PyTorch's,
never this script) at real-time priority (`chrt -f 50`) on the last N cores (`taskset`, N = threads):
the builds and tests of others then wait instead of interleaving with the epochs (as root; the
kernel still reserves 5 % of each second for everyone else).

Usage: /usr/bin/python3 scripts/bench/trainer/bench.py [--runs 5] [--epochs 4] [--threads 1] [--workloads fashion-cnn] [--isolate]
Serialise with other benchmarks on the shared machine through the common lock:
  flock /tmp/hypersearch-bench.lock /usr/bin/python3 scripts/bench/trainer/bench.py --runs 5 --epochs 5
"""
import argparse, json, os, statistics, subprocess, sys, tempfile

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", ".."))
# HYPERSEARCH_BENCH_CLI=<other checkout>/src/HyperSearch.Cli/bin/Release/net10.0/hypersearch.dll measures another
# build (an A/B against an older commit) with the same baseline and the same isolation.
CLI = os.environ.get("HYPERSEARCH_BENCH_CLI") or os.path.join(ROOT, "src/HyperSearch.Cli/bin/Release/net10.0/hypersearch.dll")
BASELINE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "pytorch_baseline.py")
# (workload, batch, train samples, validation samples): the workloads' default subsets.
CASES = [("fashion-mlp", 32, 12000, 3000), ("fashion-mlp", 128, 12000, 3000), ("fashion-cnn", 64, 5000, 1000),
         ("adding-problem", 64, 10000, 1000)]


def ensure_packages():
    """Debian's PyTorch 1.13 and OpenBLAS for it; nothing else of the benchmark needs root."""
    missing = [pkg for pkg in ("python3-torch", "libopenblas0-pthread")
               if subprocess.run(["dpkg-query", "-W", "-f=${Status}", pkg], capture_output=True, text=True).stdout
               != "install ok installed"]
    if missing:
        sudo = [] if os.geteuid() == 0 else ["sudo"]
        print(f"installing {' '.join(missing)}", file=sys.stderr)
        subprocess.run(sudo + ["apt-get", "install", "-y", "-qq", "--no-install-recommends"] + missing, check=True,
                       env=dict(os.environ, DEBIAN_FRONTEND="noninteractive"), stdout=subprocess.DEVNULL)


def baseline_config(threads):
    """PyTorch's build configuration, and the BLAS and thread counts a baseline process really uses."""
    config = subprocess.run(["/usr/bin/python3", "-c", "import torch; print(torch.__config__.show())"],
                            check=True, capture_output=True, text=True).stdout
    probe = lines(["/usr/bin/python3", BASELINE, "--epochs", "0", "--threads", str(threads)], threads)[0]
    return config, probe


ISOLATE = []  # the chrt/taskset prefix of --isolate


def lines(cmd, threads):
    # Debian's PyTorch multiplies matrices in OpenBLAS, which ignores torch.set_num_threads and
    # starts one thread per core; pin it to the same count (ours runs libtorch 2.10 with MKL + OpenMP).
    env = dict(os.environ, OPENBLAS_NUM_THREADS=str(threads), OMP_NUM_THREADS=str(threads))
    out = subprocess.run(ISOLATE + cmd, check=True, capture_output=True, text=True, env=env).stdout
    return [json.loads(l) for l in out.splitlines() if l.strip()]


def ours(workload, batch, epochs, threads, seed):
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as f:
        json.dump({"initialLr": 0.05, "decay": {"type": "constant"},
                   "optimizer": {"type": "sgd", "momentum": 0.9}, "batchSize": batch}, f)
    try:
        rows = [r for r in lines(["dotnet", CLI, "trial", "run", "--workload", workload, "--config", f.name,
                                  "--epochs", str(epochs), "--threads", str(threads), "--seed", str(seed), "--json"], threads)
                if "epoch" in r]
    finally:
        os.unlink(f.name)
    elapsed = [r["elapsedSeconds"] for r in rows]
    return [b - a for a, b in zip(elapsed, elapsed[1:])], rows[-1]["valAccuracy"]


def pytorch(workload, batch, train, val, epochs, threads, seed):
    rows = [r for r in lines(["/usr/bin/python3", BASELINE, "--workload", workload, "--batch", str(batch), "--train", str(train),
                              "--val", str(val), "--epochs", str(epochs), "--threads", str(threads), "--seed", str(seed)], threads)
            if "epoch" in r]
    return [r["seconds"] for r in rows[1:]], rows[-1]["valAccuracy"]


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--runs", type=int, default=5)
    p.add_argument("--epochs", type=int, default=4)
    p.add_argument("--threads", type=int, default=1)
    p.add_argument("--workloads", default=None, help="comma-separated subset of the cases' workloads, e.g. fashion-cnn")
    p.add_argument("--isolate", action="store_true", help="measured processes at real-time priority on their own cores")
    a = p.parse_args()
    if a.isolate:
        cores = os.cpu_count()
        ISOLATE.extend(["chrt", "-f", "50", "taskset", "-c", ",".join(str(c) for c in range(cores - a.threads, cores))])
    cases = [c for c in CASES if a.workloads is None or c[0] in a.workloads.split(",")]
    ensure_packages()
    config, probe = baseline_config(a.threads)
    print("PyTorch baseline configuration (torch.__config__.show()):\n" + config)
    print(f"baseline process: torch {probe['torch']}, BLAS loaded: {probe['blas']}, "
          f"torch.get_num_threads() = {probe['threads']}, interop threads = {probe['interopThreads']}, "
          f"OPENBLAS_NUM_THREADS = OMP_NUM_THREADS = {a.threads}\n")
    if "openblas" not in probe["blas"]:
        # BLAS_INFO=generic in the config above is how Debian builds it against the libblas.so.3
        # interface; what matters is the library the alternative points at when the process loads.
        sys.exit(f"refusing to compare: the PyTorch baseline loaded '{probe['blas']}', not OpenBLAS. "
                 "Install libopenblas0-pthread and check `update-alternatives --display libblas.so.3-x86_64-linux-gnu`.")
    subprocess.run(["dotnet", "build", os.path.join(ROOT, "src/HyperSearch.Cli"), "-c", "Release", "-v", "q", "-nologo"],
                   check=True, stdout=subprocess.DEVNULL)
    print(f"load average at start: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    print(f"threads {a.threads}, {a.runs} alternating runs × {a.epochs - 1} timed epochs, SGD momentum 0.9 lr 0.05"
          + (f", measured processes under `{' '.join(ISOLATE)}`" if ISOLATE else "") + "\n")
    print("| workload | batch | train/val | ours s/epoch | PyTorch s/epoch | ratio (median of runs) | ratio (best epochs) | acc ours | acc PyTorch |")
    print("|---|---|---|---|---|---|---|---|---|")
    for workload, batch, train, val in cases:
        o_times, p_times, ratios, o_acc, p_acc = [], [], [], [], []
        for run in range(a.runs):
            ot, oa = ours(workload, batch, a.epochs, a.threads, run)
            pt, pa = pytorch(workload, batch, train, val, a.epochs, a.threads, run)
            o_times += ot
            p_times += pt
            ratios.append(statistics.median(ot) / statistics.median(pt))
            o_acc.append(oa)
            p_acc.append(pa)
            print(f"  {workload} b{batch} run {run + 1}: ours {statistics.median(ot):.3f}s pytorch {statistics.median(pt):.3f}s",
                  file=sys.stderr)
        print(f"| {workload} | {batch} | {train}/{val} | {statistics.median(o_times):.3f} | {statistics.median(p_times):.3f} "
              f"| {statistics.median(ratios):.2f}× | {min(o_times) / min(p_times):.2f}× "
              f"| {statistics.median(o_acc):.3f} | {statistics.median(p_acc):.3f} |", flush=True)
    print(f"\nload average at end: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    main()
