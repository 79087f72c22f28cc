#!/usr/bin/python3
"""PBT vs TPE at equal total epochs on real workloads, through the real CLI and worker.

For each workload and seed: a PBT search (population P, E epochs, segments of --interval epochs:
P x E epochs in all) and a TPE search of P trials x E epochs (the same epochs), each run by
`hypersearch search create --wait` (an in-process worker on cpu:--slots) on its own SQLite file.
Prints a Markdown table: best validation loss of each search, the epochs it trained, wall time.
Usage: bench.py <hypersearch binary> [--workloads adding-problem,fashion-cnn] [--population 3]
                [--epochs 3] [--interval 1] [--seeds 1] [--slots 2]"""
import argparse, json, os, statistics, subprocess, sys, tempfile, time

SPACE = {
    "initialLr": {"low": 1e-4, "high": 0.03, "log": True},
    "decay": {"exponential": {"gamma": {"low": 0.5, "high": 0.99}}, "cosine": {"tMax": {"low": 2, "high": 12}}},
    "optimizer": {"type": "adam"},
}


def run(binary, db, workload, strategy, seed, population, epochs, interval, slots, workdir):
    space = dict(SPACE)
    if strategy == "pbt":
        space["pbt"] = {"population": population, "interval": interval, "fraction": 0.34}
    spec = {"name": f"{strategy}-{workload}-{seed}", "workload": workload, "strategy": strategy, "seed": seed,
            "budget": population * ((epochs + interval - 1) // interval) if strategy == "pbt" else population,
            "parallelism": min(population, slots), "epochs": epochs, "space": space}
    path = os.path.join(workdir, f"{spec['name']}.json")
    with open(path, "w") as f:
        json.dump(spec, f)
    env = dict(os.environ, HyperSearch__Worker__Devices=f"cpu:{slots}",
               HyperSearch__Checkpoints__Directory=os.path.join(workdir, "checkpoints"),
               Logging__LogLevel__Default="Warning")
    start = time.time()
    out = subprocess.run([binary, "search", "create", "--spec", path, "--wait", "--db", db],
                         env=env, capture_output=True, text=True)
    wall = time.time() - start
    if out.returncode not in (0, 1):
        sys.exit(f"search create failed ({out.returncode}): {out.stderr}")
    search_id = out.stdout.strip().splitlines()[0].strip()
    show = subprocess.run([binary, "search", "show", search_id, "--json", "--db", db], env=env, capture_output=True, text=True)
    doc = json.loads(show.stdout)
    trials = doc.get("trials", [])
    trained = sum(t.get("epochsDone", 0) - ((t.get("config") or {}).get("pbt") or {}).get("startEpoch", 0) for t in trials)
    best = min((t["bestValue"] for t in trials if t.get("bestValue") is not None), default=float("nan"))
    return best, trained, wall


def main():
    p = argparse.ArgumentParser()
    p.add_argument("binary")
    p.add_argument("--workloads", default="adding-problem,fashion-cnn")
    p.add_argument("--population", type=int, default=3)
    p.add_argument("--epochs", type=int, default=3)
    p.add_argument("--interval", type=int, default=1)
    p.add_argument("--seeds", type=int, default=1)
    p.add_argument("--slots", type=int, default=2)
    a = p.parse_args()
    print(f"load average at start: {os.getloadavg()[0]:.1f}", file=sys.stderr)
    rows = []
    with tempfile.TemporaryDirectory() as workdir:
        for workload in a.workloads.split(","):
            results = {"pbt": [], "tpe": []}
            # Seed by seed, both strategies in turn: a run stopped early still has paired results
            # (printed to stderr as they come), and both strategies see the same machine state.
            for seed in range(1, a.seeds + 1):
                for strategy in results:
                    db = os.path.join(workdir, f"{workload}-{strategy}-{seed}.db")
                    r = run(a.binary, db, workload, strategy, seed, a.population, a.epochs, a.interval, a.slots, workdir)
                    print(f"{workload} {strategy} seed {seed}: best {r[0]:.5g}, {r[1]} epochs, {r[2]:.0f} s, "
                          f"load {os.getloadavg()[0]:.1f}", file=sys.stderr, flush=True)
                    results[strategy].append(r)
            rows.extend((workload, strategy, rs) for strategy, rs in results.items())
    print(f"load average at end: {os.getloadavg()[0]:.1f}", file=sys.stderr)
    print("| workload | strategy | best val loss (median of seeds) | per seed | epochs trained | wall s |")
    print("|---|---|---|---|---|---|")
    for workload, strategy, results in rows:
        bests = [r[0] for r in results]
        print(f"| {workload} | {strategy} | {statistics.median(bests):.5g} | {', '.join(f'{b:.4g}' for b in bests)} "
              f"| {sum(r[1] for r in results)} | {sum(r[2] for r in results):.0f} |")


if __name__ == "__main__":
    main()
