#!/usr/bin/python3
"""Worker memory benchmark: one real `hypersearch worker` (two CPU slots, the TorchSharp trainer)
runs a search of 100 fashion-mlp trials back to back (1 epoch each, 12k/3k samples) on a fresh
SQLite file; the worker's resident size (VmRSS) is read when 10 and when 100 trials have finished.
Every trial allocates ~50 MB of tensors (data, model, optimizer, activations), so anything a trial
fails to dispose shows up as growth. Target: < 50 MB between trial 10 and trial 100.

Usage: nice -n 10 /usr/bin/python3 scripts/bench/trainer/memory.py [--trials 100]
"""
import argparse, json, os, sqlite3, statistics, subprocess, tempfile, time

from worker_process import CLI, ROOT, rss_mb


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--trials", type=int, default=100)
    a = p.parse_args()
    subprocess.run(["dotnet", "build", os.path.join(ROOT, "src/HyperSearch.Cli"), "-c", "Release", "-v", "q", "-nologo"],
                   check=True, stdout=subprocess.DEVNULL)
    work = tempfile.mkdtemp(prefix="hs-memory-")
    db = os.path.join(work, "memory.db")
    spec = os.path.join(work, "spec.json")
    with open(spec, "w") as f:
        json.dump({"name": "memory", "workload": "fashion-mlp", "strategy": "random", "seed": 1, "budget": a.trials,
                   "parallelism": 2, "epochs": 1,
                   "space": {"initialLr": {"low": 0.01, "high": 0.1}, "decay": {"constant": {}}}}, f)
    env = dict(os.environ, HyperSearch__Checkpoints__Directory=os.path.join(work, "checkpoints"),
               Logging__LogLevel__Default="Warning")
    search = subprocess.run(["dotnet", CLI, "search", "create", "--spec", spec, "--db", db],
                            check=True, capture_output=True, text=True, env=env).stdout.strip()
    print(f"load average at start: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    worker = subprocess.Popen(["dotnet", CLI, "worker", "--devices", "cpu:2", "--db", db], env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    # RSS is sampled every 0.2 s: a single reading swings by hundreds of MB between garbage
    # collections (2026-12-02: +12 to +597 MB at the same point), so the figure compared is the median
    # of the samples while trials 10-20 finish against the median over the last 10 trials.
    samples, marks, start = [], {}, time.time()
    try:
        while True:
            with sqlite3.connect(db) as c:
                done = c.execute("SELECT count(*) FROM Trials WHERE SearchId = ? AND Kind = 'Search' AND State = 'Completed'",
                                 (search,)).fetchone()[0]
            samples.append((done, rss_mb(worker.pid)))
            for mark in (10, a.trials):
                if done >= mark and mark not in marks:
                    marks[mark] = samples[-1][1]
                    print(f"after {done} trials ({time.time() - start:.0f} s): RSS {marks[mark]:.0f} MB (one reading)", flush=True)
            if done >= a.trials:
                break
            time.sleep(0.2)
    finally:
        worker.kill()
    early = statistics.median(r for d, r in samples if 10 <= d <= 20)
    late = statistics.median(r for d, r in samples if d >= a.trials - 10)
    print(f"growth from trial 10 to trial {a.trials}: {marks[a.trials] - marks[10]:+.0f} MB (single readings)")
    print(f"median RSS while trials 10-20 finish: {early:.0f} MB; over the last 10 trials: {late:.0f} MB; growth {late - early:+.0f} MB")
    print(f"load average at end: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    main()
