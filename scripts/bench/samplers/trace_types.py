#!/usr/bin/python3
"""Which decay types a search settles on: our TPE (through `hypersearch ask-tell`) and Optuna 3.1's
default TPESampler side by side on one objective of objectives.py, k = 1, 100 trials per seed;
prints, per seed and sampler, how often each type was chosen in trials 11–100 and the best trial.
Written to trace why ours trails Optuna on the conditional objectives (docs/benchmarks.md).
Usage: trace_types.py <hypersearch> <objective> <seeds>"""
import collections, json, subprocess, sys, tempfile

import optuna

from objectives import OBJECTIVES


def ours(binary, obj, space_path, seed):
    proc = subprocess.Popen([binary, "ask-tell", "--space", space_path, "--strategy", "tpe", "--seed", str(seed)],
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, bufsize=1)
    rows = []
    for _ in range(100):
        proc.stdin.write('{"op":"ask"}\n')
        answer = json.loads(proc.stdout.readline())
        value = obj["from_config"](answer["config"])
        rows.append((answer["config"]["decay"]["type"], value))
        proc.stdin.write(json.dumps({"op": "tell", "trial": answer["trial"], "value": value}) + "\n")
        proc.stdout.readline()
    proc.stdin.close()
    proc.wait()
    return rows


def theirs(obj, seed):
    study = optuna.create_study(sampler=optuna.samplers.TPESampler(seed=seed))
    study.optimize(obj["optuna"], n_trials=100)
    return [(t.params["decay"], t.value) for t in study.trials]


def summary(rows):
    best = min(rows, key=lambda r: r[1])
    return f"types in trials 11-100 {dict(collections.Counter(d for d, _ in rows[10:]))}; best {best[0]} {best[1]:.4f}"


def main():
    optuna.logging.set_verbosity(optuna.logging.WARNING)
    binary, name, seeds = sys.argv[1], sys.argv[2], int(sys.argv[3])
    obj = next(o for o in OBJECTIVES if o["name"] == name)
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as f:
        json.dump(obj["space"], f)
    for seed in range(seeds):
        print(seed, "hypersearch-tpe", summary(ours(binary, obj, f.name, seed)))
        print(seed, "optuna-tpe     ", summary(theirs(obj, seed)))


if __name__ == "__main__":
    main()
