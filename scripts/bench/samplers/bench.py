#!/usr/bin/python3
"""Compares HyperSearch's TPE and random samplers (through `hypersearch ask-tell`) with Optuna
3.1's TPESampler, default (independent) and multivariate+group, on the objectives in
objectives.py (tuning set) and report_objectives.py (report set). Prints a Markdown table of the
median and quartiles of the regret after 20/50/100 trials over the seeds. With noise, regret is
the noiseless value of the trial with the best observed value (what a user would pick) − optimum.
Usage: bench.py <hypersearch binary> [--set report|tuning|all] [--seeds 100] [--first-seed 0] [--seed-ranges 0:100,...]
                [--trials 100] [--jobs 2] [--only name,...] [--samplers ...] [--results FILE]
                [--variant LABEL=name=value,...] [--table-only]
--variant adds a sampler LABEL: our TPE with `ask-tell --tpe-option name=value` per pair (ablations).
Seeds: 0–99 are the reported ones (0–19 before 2026-12-03); explore variants on other seeds
(e.g. --first-seed 100).
Runs go seed by seed (every objective and sampler for seed 0, then seed 1, …) and each finished
run is appended to --results (JSON lines) at once: a rerun skips runs already there (all samplers
are deterministic per seed), and --table-only prints the table from what is there, saying how
many seeds each row rests on."""
import argparse, json, math, os, random, statistics, subprocess, tempfile, time
from concurrent.futures import ProcessPoolExecutor

from objectives import OBJECTIVES

CHECKPOINTS = (20, 50, 100)
SAMPLERS = "hypersearch-tpe,optuna-tpe,optuna-tpe-mv,hypersearch-random"

def noisy(objective, seed):
    """(observed, true) per call; the noise stream depends only on the objective and the seed."""
    rng = random.Random(f"{objective['name']}/{seed}")
    def evaluate(true):
        return true + (rng.gauss(0, objective["noise"]) if objective["noise"] else 0.0), true
    return evaluate

def run_ours(binary, objective, strategy, seed, trials, space_path, tpe_options=()):
    extra = [arg for o in tpe_options for arg in ("--tpe-option", o)]
    proc = subprocess.Popen([binary, "ask-tell", "--space", space_path, "--strategy", strategy, "--seed", str(seed)] + extra,
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, bufsize=1)
    evaluate, pairs = noisy(objective, seed), []
    for _ in range(trials):
        proc.stdin.write('{"op":"ask"}\n')
        answer = json.loads(proc.stdout.readline())
        observed, true = evaluate(objective["from_config"](answer["config"]))
        pairs.append((observed, true))
        proc.stdin.write(json.dumps({"op": "tell", "trial": answer["trial"], "value": observed}) + "\n")
        assert json.loads(proc.stdout.readline())["ok"]
    proc.stdin.close()
    proc.wait()
    return pairs

def run_optuna(objective, seed, trials, multivariate):
    import warnings
    import optuna
    optuna.logging.set_verbosity(optuna.logging.WARNING)
    warnings.filterwarnings("ignore", category=optuna.exceptions.ExperimentalWarning)
    sampler = (optuna.samplers.TPESampler(seed=seed, multivariate=True, group=True) if multivariate
               else optuna.samplers.TPESampler(seed=seed))
    evaluate, pairs = noisy(objective, seed), []
    def wrapped(trial):
        observed, true = evaluate(objective["optuna"](trial))
        pairs.append((observed, true))
        return observed
    optuna.create_study(sampler=sampler).optimize(wrapped, n_trials=trials)
    return pairs

def job(args):
    binary, index, sampler, seed, trials, space_path, tpe_options = args
    objective = OBJECTIVES[index]
    if sampler.startswith("optuna-tpe"):
        pairs = run_optuna(objective, seed, trials, sampler.endswith("-mv"))
    elif tpe_options is not None:
        pairs = run_ours(binary, objective, "tpe", seed, trials, space_path, tpe_options)
    else:
        pairs = run_ours(binary, objective, sampler.split("-")[1], seed, trials, space_path)
    best_observed, incumbent, regrets = float("inf"), None, {}
    for n, (observed, true) in enumerate(pairs, 1):
        if observed < best_observed:
            best_observed, incumbent = observed, true
        if n in CHECKPOINTS:
            regrets[n] = incumbent - objective["optimum"]
    return objective["name"], sampler, seed, regrets

def rank_sum_p(xs, ys):
    """Two-sided p of the Mann–Whitney U test (normal approximation, ties as mid-ranks): how
    surprising a difference this large would be if both samplers' regrets came from one distribution."""
    pooled = sorted((v, k) for k, vs in enumerate((xs, ys)) for v in vs)
    ranks, i = {}, 0
    while i < len(pooled):
        j = i
        while j < len(pooled) and pooled[j][0] == pooled[i][0]:
            j += 1
        for k in range(i, j):
            ranks.setdefault(pooled[k][1], []).append((i + j + 1) / 2)
        i = j
    n1, n2 = len(xs), len(ys)
    u = sum(ranks.get(0, [])) - n1 * (n1 + 1) / 2
    sd = (n1 * n2 * (n1 + n2 + 1) / 12) ** 0.5
    z = (abs(u - n1 * n2 / 2) - 0.5) / sd if sd else 0.0
    return max(0.0, min(1.0, math.erfc(max(z, 0.0) / 2 ** 0.5)))

def quartiles(xs):
    q = statistics.quantiles(xs, n=4, method="inclusive")
    return q[0], statistics.median(xs), q[2]

def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("binary")
    parser.add_argument("--set", default="report", choices=["report", "tuning", "all"])
    parser.add_argument("--seeds", type=int, default=100, help="how many seeds")
    parser.add_argument("--first-seed", type=int, default=0)
    parser.add_argument("--seed-ranges", default="",
                        help="FIRST:COUNT,... in place of --first-seed/--seeds, e.g. 0:100,1000:200 for a pooled table")
    parser.add_argument("--variant", action="append", default=[])
    parser.add_argument("--trials", type=int, default=100)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--only", default="")
    parser.add_argument("--samplers", default=SAMPLERS)
    parser.add_argument("--results", default="")
    parser.add_argument("--table-only", action="store_true")
    a = parser.parse_args()
    variants = {v.split("=", 1)[0]: v.split("=", 1)[1].split(",") for v in a.variant}
    samplers = a.samplers.split(",") + [v for v in variants if v not in a.samplers.split(",")]
    ranges = ([tuple(map(int, r.split(":"))) for r in a.seed_ranges.split(",")] if a.seed_ranges
              else [(a.first_seed, a.seeds)])
    seeds = [seed for first, count in ranges for seed in range(first, first + count)]
    seed_set = set(seeds)
    if not a.table_only:
        print(f"Load average (1, 5, 15 min) at start: {' '.join(f'{x:.1f}' for x in os.getloadavg())}; seeds "
              + ", ".join(f"{first}–{first + count - 1}" for first, count in ranges) + "\n", flush=True)
    started = time.time()
    chosen = [i for i, o in enumerate(OBJECTIVES)
              if (a.set == "all" or o["set"] == a.set) and (not a.only or o["name"] in a.only.split(","))]
    tmp = tempfile.mkdtemp(prefix="hs-bench-")
    spaces = {}
    for i in chosen:
        spaces[i] = os.path.join(tmp, OBJECTIVES[i]["name"] + ".json")
        with open(spaces[i], "w") as f:
            json.dump(OBJECTIVES[i]["space"], f)
    results, done = {}, set()
    names = {OBJECTIVES[i]["name"] for i in chosen}
    if a.results and os.path.exists(a.results):
        with open(a.results) as f:
            for line in f:
                r = json.loads(line)
                key = (r["objective"], r["sampler"], r["seed"])
                # A run appears once even if concatenated result files both hold it (deterministic).
                if r["trials"] == a.trials and r["objective"] in names and r["sampler"] in samplers and r["seed"] in seed_set and key not in done:
                    done.add(key)
                    results.setdefault((r["objective"], r["sampler"]), []).append({int(k): v for k, v in r["regrets"].items()})
    jobs = [(a.binary, i, s, seed, a.trials, spaces[i], variants.get(s)) for seed in seeds for i in chosen for s in samplers
            if (OBJECTIVES[i]["name"], s, seed) not in done]
    if not a.table_only:
        out = open(a.results, "a") if a.results else None
        with ProcessPoolExecutor(max_workers=a.jobs) as pool:
            for name, sampler, seed, regrets in pool.map(job, jobs):
                results.setdefault((name, sampler), []).append(regrets)
                if out:
                    out.write(json.dumps({"objective": name, "sampler": sampler, "seed": seed,
                                          "trials": a.trials, "regrets": regrets}) + "\n")
                    out.flush()
    if not a.table_only:
        print(f"Load average at end: {' '.join(f'{x:.1f}' for x in os.getloadavg())}; "
              f"{len(jobs)} runs in {(time.time() - started) / 60:.1f} min\n")
    checkpoints = [c for c in CHECKPOINTS if c <= a.trials]
    print("Regret (best found − optimum), median [quartiles] over the seeds; lower is better.\n")
    print("| objective | sampler | seeds | " + " | ".join(f"after {c}" for c in checkpoints) + " |")
    print("|---|---|---|" + "---|" * len(checkpoints))
    verdicts = {}
    for i in chosen:
        medians, regrets = {}, {}
        for s in samplers:
            runs = results.get((OBJECTIVES[i]["name"], s), [])
            if len(runs) < 2:
                continue
            cells = []
            for c in checkpoints:
                lo, med, hi = quartiles([r[c] for r in runs])
                medians[(s, c)] = med
                regrets[(s, c)] = [r[c] for r in runs]
                cells.append(f"{med:.4g} [{lo:.3g}, {hi:.3g}]")
            print(f"| {OBJECTIVES[i]['name']} | {s} | {len(runs)} | " + " | ".join(cells) + " |")
        for rival, label in (("optuna-tpe", "Optuna default"), ("hypersearch-random", "random")):
            if all((s, c) in medians for s in ("hypersearch-tpe", rival) for c in checkpoints):
                cells = [medians[("hypersearch-tpe", c)] <= medians[(rival, c)] for c in checkpoints]
                ps = [rank_sum_p(regrets[("hypersearch-tpe", c)], regrets[(rival, c)]) for c in checkpoints]
                verdicts.setdefault(rival, []).extend(cells)
                print(f"| {OBJECTIVES[i]['name']} | ours ≤ {label} (median; rank-sum p) | | "
                      + " | ".join(("yes" if ok else "**no**") + f" (p {p:.2f})" for ok, p in zip(cells, ps)) + " |")
    for rival, cells in verdicts.items():
        print(f"\nOurs ≤ {rival} in {sum(cells)} of {len(cells)} (objective, checkpoint) cells.")

if __name__ == "__main__":
    main()
