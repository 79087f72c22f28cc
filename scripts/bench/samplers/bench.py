#!/usr/bin/python3
"""Compares HyperSearch's TPE and random samplers (through `hypersearch ask-tell`) with Optuna
3.1's TPESampler on the objectives in objectives.py. Prints a Markdown table of the median and
IQR of the regret (best found − optimum) after 20/50/100 trials over the seeds.
Usage: bench.py <hypersearch binary> [--seeds 20] [--trials 100] [--jobs 2] [--only name,...]"""
import argparse, json, os, statistics, subprocess, sys, tempfile
from concurrent.futures import ProcessPoolExecutor

from objectives import OBJECTIVES

CHECKPOINTS = (20, 50, 100)

def run_ours(binary, objective, strategy, seed, trials, space_path):
    proc = subprocess.Popen([binary, "ask-tell", "--space", space_path, "--strategy", strategy, "--seed", str(seed)],
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, bufsize=1)
    values = []
    for _ in range(trials):
        proc.stdin.write('{"op":"ask"}\n')
        answer = json.loads(proc.stdout.readline())
        value = objective["from_config"](answer["config"])
        values.append(value)
        proc.stdin.write(json.dumps({"op": "tell", "trial": answer["trial"], "value": value}) + "\n")
        assert json.loads(proc.stdout.readline())["ok"]
    proc.stdin.close()
    proc.wait()
    return values

def run_optuna(objective, seed, trials):
    import optuna
    optuna.logging.set_verbosity(optuna.logging.WARNING)
    study = optuna.create_study(sampler=optuna.samplers.TPESampler(seed=seed))
    study.optimize(objective["optuna"], n_trials=trials)
    return [t.value for t in study.trials]

def job(args):
    binary, index, sampler, seed, trials, space_path = args
    objective = OBJECTIVES[index]
    if sampler == "optuna-tpe":
        values = run_optuna(objective, seed, trials)
    else:
        values = run_ours(binary, objective, sampler.split("-")[1], seed, trials, space_path)
    best, regrets = float("inf"), {}
    for n, v in enumerate(values, 1):
        best = min(best, v)
        if n in CHECKPOINTS:
            regrets[n] = best - objective["optimum"]
    return objective["name"], sampler, seed, regrets

def quartiles(xs):
    q = statistics.quantiles(xs, n=4, method="inclusive")
    return q[0], statistics.median(xs), q[2]

def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("binary")
    parser.add_argument("--seeds", type=int, default=20)
    parser.add_argument("--trials", type=int, default=100)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--only", default="")
    parser.add_argument("--samplers", default="hypersearch-tpe,optuna-tpe,hypersearch-random")
    a = parser.parse_args()
    samplers = a.samplers.split(",")
    chosen = [i for i, o in enumerate(OBJECTIVES) if not a.only or o["name"] in a.only.split(",")]
    tmp = tempfile.mkdtemp(prefix="hs-bench-")
    spaces = {}
    for i in chosen:
        spaces[i] = os.path.join(tmp, OBJECTIVES[i]["name"] + ".json")
        with open(spaces[i], "w") as f:
            json.dump(OBJECTIVES[i]["space"], f)
    jobs = [(a.binary, i, s, seed, a.trials, spaces[i]) for i in chosen for s in samplers for seed in range(a.seeds)]
    results = {}
    with ProcessPoolExecutor(max_workers=a.jobs) as pool:
        for name, sampler, seed, regrets in pool.map(job, jobs):
            results.setdefault((name, sampler), []).append(regrets)
    checkpoints = [c for c in CHECKPOINTS if c <= a.trials]
    print(f"Regret (best found − optimum), median [IQR] over {a.seeds} seeds; lower is better.\n")
    print("| objective | sampler | " + " | ".join(f"after {c}" for c in checkpoints) + " |")
    print("|---|---|" + "---|" * len(checkpoints))
    for i in chosen:
        for s in samplers:
            runs = results[(OBJECTIVES[i]["name"], s)]
            cells = []
            for c in checkpoints:
                lo, med, hi = quartiles([r[c] for r in runs])
                cells.append(f"{med:.4g} [{lo:.3g}, {hi:.3g}]")
            print(f"| {OBJECTIVES[i]['name']} | {s} | " + " | ".join(cells) + " |")

if __name__ == "__main__":
    main()
