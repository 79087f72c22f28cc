#!/usr/bin/python3
"""Soak benchmark: many trials side by side in ONE real `hypersearch worker` process, long enough to
meet the races and leaks that short single trials hide.

A random search of two-spirals trials (MLP 2-64-64-2, batch 32: 32 optimizer steps per epoch) over
every optimizer type (SGD with momentum 0.9 and weight decay, Adam, AdamW, RMSprop, Adagrad) and
three decay types runs on a fresh SQLite file with `--devices cpu:SLOTS`. At the end it prints the
trial states (any Failed trial is printed with its message), the optimizer steps trained in all, and
the worker's resident size: the median while trials 10-20 finish against the median over the last
10 trials (RSS swings by hundreds of MB between collections, so single readings are not compared).

Targets (issue 26): 0 failed trials, >= 2 million optimizer steps, <= 50 MB RSS growth from trial 10.
  nice -n 10 /usr/bin/python3 scripts/bench/trainer/soak.py                          # 40 x 1600 epochs, 4 slots
  nice -n 10 /usr/bin/python3 scripts/bench/trainer/soak.py --trials 4 --epochs 5000 --slots 2 --sgd-only
      # the issue's reproduction: 4 x 5,000-epoch two-spirals trials, SGD momentum 0.9, one 2-slot worker
"""
import argparse, json, os, sqlite3, statistics, subprocess, tempfile, time

from worker_process import CLI, ROOT, rss_mb

STEPS_PER_EPOCH = 32  # two-spirals: 1,000 training samples in batches of 32


def load():
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--trials", type=int, default=40)
    p.add_argument("--epochs", type=int, default=1600)
    p.add_argument("--slots", type=int, default=4)
    p.add_argument("--sgd-only", action="store_true", help="SGD with momentum 0.9 only (the configuration that failed)")
    a = p.parse_args()
    subprocess.run(["dotnet", "build", os.path.join(ROOT, "src/HyperSearch.Cli"), "-c", "Release", "-v", "q", "-nologo"],
                   check=True, stdout=subprocess.DEVNULL)
    work = tempfile.mkdtemp(prefix="hs-soak-")
    db = os.path.join(work, "soak.db")
    spec = os.path.join(work, "spec.json")
    optimizer = {"type": "sgd", "momentum": 0.9} if a.sgd_only else {
        "type": ["sgd", "adam", "adamW", "rmsProp", "adagrad"], "momentum": 0.9, "weightDecay": 1e-4}
    decay = {"constant": {}} if a.sgd_only else {
        "constant": {}, "cosine": {"tMax": a.epochs}, "step": {"stepSize": max(1, a.epochs // 4), "gamma": 0.5}}
    with open(spec, "w") as f:
        json.dump({"name": "soak", "workload": "two-spirals", "strategy": "random", "seed": 1, "budget": a.trials,
                   "parallelism": a.slots, "epochs": a.epochs,
                   "space": {"initialLr": {"low": 0.001, "high": 0.05}, "decay": decay, "optimizer": optimizer}}, f)
    env = dict(os.environ, HyperSearch__Checkpoints__Directory=os.path.join(work, "checkpoints"),
               HyperSearch__Checkpoints__EveryEpochs="100", Logging__LogLevel__Default="Warning")
    search = subprocess.run(["dotnet", CLI, "search", "create", "--spec", spec, "--db", db],
                            check=True, capture_output=True, text=True, env=env).stdout.strip()
    print(f"{a.trials} two-spirals trials x {a.epochs} epochs, {a.slots} slots in one worker "
          f"({'SGD momentum 0.9' if a.sgd_only else 'every optimizer type'}); load average at start: {load()}", flush=True)
    worker = subprocess.Popen(["dotnet", CLI, "worker", "--devices", f"cpu:{a.slots}", "--db", db], env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    finished_states = ("Completed", "Failed", "Diverged", "Pruned", "Cancelled")
    samples, start, reported = [], time.time(), 0
    try:
        while True:
            with sqlite3.connect(db) as c:
                done = c.execute(f"SELECT count(*) FROM Trials WHERE SearchId = ? AND Kind = 'Search' AND State IN {finished_states}",
                                 (search,)).fetchone()[0]
            if worker.poll() is not None:
                raise SystemExit(f"the worker exited with code {worker.returncode} after {done} trials")
            samples.append((done, rss_mb(worker.pid)))
            if done >= reported + max(1, a.trials // 10):
                reported = done
                print(f"{done} trials finished ({time.time() - start:.0f} s), RSS {samples[-1][1]:.0f} MB, load {load()}", flush=True)
            if done >= a.trials:
                break
            time.sleep(0.5)
    finally:
        worker.kill()
    with sqlite3.connect(db) as c:
        states = dict(c.execute("SELECT State, count(*) FROM Trials WHERE SearchId = ? AND Kind = 'Search' GROUP BY State", (search,)))
        failures = c.execute("SELECT Number, Error FROM Trials WHERE SearchId = ? AND State = 'Failed'", (search,)).fetchall()
        epochs = c.execute("SELECT count(*) FROM EpochMetrics m JOIN Trials t ON t.Id = m.TrialId "
                           "WHERE t.SearchId = ? AND t.Kind = 'Search'", (search,)).fetchone()[0]
    print(f"trial states: {states}")
    for number, message in failures:
        print(f"  FAILED trial {number}: {message}")
    print(f"optimizer steps trained: {epochs * STEPS_PER_EPOCH:,} ({epochs:,} epochs) in {time.time() - start:.0f} s")
    if a.trials >= 20:
        early = statistics.median(r for d, r in samples if 10 <= d <= 20)
        late = statistics.median(r for d, r in samples if d >= a.trials - 10)
        print(f"median RSS while trials 10-20 finish: {early:.0f} MB; over the last 10 trials: {late:.0f} MB; growth {late - early:+.0f} MB")
    print(f"load average at end: {load()}")


if __name__ == "__main__":
    main()
