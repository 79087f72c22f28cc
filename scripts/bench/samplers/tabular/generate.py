#!/usr/bin/python3
"""Generates the tabular benchmark: random configurations of an LR search on the two-spirals
workload, each trained once for real by `hypersearch trial run` (TorchSharp, 1 thread, seed 0),
with its final validation loss appended to two-spirals.csv. Resumable: rows already in the file
are skipped, so it can be stopped and restarted. The space is SPACE in tabular.py.
Usage: generate.py <hypersearch binary> [--configs 2000] [--epochs 8] [--jobs 2]"""
import argparse, csv, json, os, random, subprocess, tempfile
from concurrent.futures import ThreadPoolExecutor

from tabular import CSV_PATH, COLUMNS, random_config, to_trial_config, DIVERGED_LOSS

def train(binary, epochs, row):
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as f:
        json.dump(to_trial_config(row), f)
        path = f.name
    try:
        out = subprocess.run([binary, "trial", "run", "--workload", "two-spirals", "--config", path,
                              "--epochs", str(epochs), "--threads", "1", "--seed", "0", "--json"],
                             capture_output=True, text=True, timeout=300)
    finally:
        os.unlink(path)
    lines = [json.loads(l) for l in out.stdout.splitlines() if l.startswith("{")]
    epochs_seen = [l for l in lines if "valLoss" in l]
    outcome = lines[-1] if lines else {"state": "failed"}
    loss = epochs_seen[-1]["valLoss"] if epochs_seen and outcome.get("state") == "completed" else None
    if loss is None or loss != loss or loss > DIVERGED_LOSS:
        loss = DIVERGED_LOSS  # diverged or exploded: as bad as the table allows
    return row, loss, outcome.get("state")

def main():
    p = argparse.ArgumentParser()
    p.add_argument("binary")
    p.add_argument("--configs", type=int, default=2000)
    p.add_argument("--epochs", type=int, default=8)
    p.add_argument("--jobs", type=int, default=2)
    a = p.parse_args()
    rng = random.Random(20261202)
    rows = [random_config(rng, i) for i in range(a.configs)]
    done = set()
    if os.path.exists(CSV_PATH):
        with open(CSV_PATH) as f:
            done = {int(r["id"]) for r in csv.DictReader(f)}
    todo = [r for r in rows if r["id"] not in done]
    new_file = not os.path.exists(CSV_PATH)
    with open(CSV_PATH, "a", newline="") as f, ThreadPoolExecutor(a.jobs) as pool:
        w = csv.DictWriter(f, fieldnames=COLUMNS + ["valLoss", "state"])
        if new_file:
            w.writeheader()
        for row, loss, state in pool.map(lambda r: train(a.binary, a.epochs, r), todo):
            w.writerow({**row, "valLoss": f"{loss:.6g}", "state": state})
            f.flush()

if __name__ == "__main__":
    main()
