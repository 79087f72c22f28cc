#!/usr/bin/python3
"""Generates a tabular benchmark (tabular.py's SPECS): each configuration of the table trained once
for real by `hypersearch trial run` (TorchSharp, 1 thread, seed 0), its final validation loss
appended to <table>.csv. Resumable: rows already in the file are skipped, so it can be stopped and
restarted. Run it under `nice -n 10` on a shared machine.
Usage: generate.py <hypersearch binary> <table> [--jobs 1] [--limit N]"""
import argparse, csv, json, os, subprocess, tempfile, time
from concurrent.futures import ThreadPoolExecutor

from tabular import SPECS

def train(binary, spec, row):
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as f:
        json.dump(spec.trial_config(row), f)
        path = f.name
    try:
        out = subprocess.run([binary, "trial", "run", "--workload", spec.workload, "--config", path,
                              "--epochs", str(spec.epochs), "--threads", "1", "--seed", "0", "--json"],
                             capture_output=True, text=True, timeout=900)
    finally:
        os.unlink(path)
    lines = [json.loads(l) for l in out.stdout.splitlines() if l.startswith("{")]
    epochs_seen = [l for l in lines if "valLoss" in l]
    outcome = lines[-1] if lines else {"state": "failed"}
    loss = epochs_seen[-1]["valLoss"] if epochs_seen and outcome.get("state") == "completed" else None
    if loss is None or loss != loss or loss > spec.diverged_loss:
        loss = spec.diverged_loss  # diverged or exploded: as bad as the table allows
    return row, loss, outcome.get("state")

def main():
    p = argparse.ArgumentParser()
    p.add_argument("binary")
    p.add_argument("table", choices=sorted(SPECS))
    p.add_argument("--jobs", type=int, default=1)
    p.add_argument("--limit", type=int, default=0, help="train at most this many new rows")
    a = p.parse_args()
    spec = SPECS[a.table]
    done = set()
    if os.path.exists(spec.csv_path):
        with open(spec.csv_path) as f:
            done = {int(r["id"]) for r in csv.DictReader(f)}
    todo = [r for r in spec.rows() if r["id"] not in done]
    if a.limit:
        todo = todo[:a.limit]
    print(f"{spec.name}: {len(todo)} rows to train ({len(done)} done); load average "
          + " ".join(f"{x:.1f}" for x in os.getloadavg()), flush=True)
    started = time.time()
    new_file = not os.path.exists(spec.csv_path)
    with open(spec.csv_path, "a", newline="") as f, ThreadPoolExecutor(a.jobs) as pool:
        w = csv.DictWriter(f, fieldnames=spec.columns + ["valLoss", "state"])
        if new_file:
            w.writeheader()
        for row, loss, state in pool.map(lambda r: train(a.binary, spec, r), todo):
            w.writerow({**row, "valLoss": f"{loss:.6g}", "state": state})
            f.flush()
    print(f"{spec.name}: {len(todo)} rows in {(time.time() - started) / 60:.1f} min; load average "
          + " ".join(f"{x:.1f}" for x in os.getloadavg()), flush=True)

if __name__ == "__main__":
    main()
