#!/usr/bin/python3
"""The sampler benchmark of PROTOCOL.md: HyperSearch's samplers (through `hypersearch ask-tell`)
against Optuna 3.1's TPESampler on the objectives of objectives.py, k trials evaluated per round
(k = 1: one at a time; k = 4, 8: k asked, then all k told, as k parallel workers that finish together).
Regret = best value found − the known optimum, after the rounds that cover 20, 50 and 100 trials
(k = 4: 20, 52, 100 trials; k = 8: 24, 56, 104).

Samplers: hypersearch-tpe, hypersearch-random (this branch's binary); optuna-tpe (default),
optuna-tpe-liar (constant_liar=True), optuna-tpe-mv (multivariate=True, group=True); old-tpe (the
binary given with --old-binary, e.g. main at 4a0804f, with its defaults) and old variants
`--variant LABEL=name=value,…` (that binary with `--tpe-option name=value` per pair).
Usage: bench.py <hypersearch> [--old-binary B] [--samplers a,b] [--variant L=n=v,…] [--k 1]
                [--seeds 20] [--first-seed 0] [--trials 100] [--jobs 2] [--only o1,o2]
                [--results FILE] [--table-only] [--compare a:b,…]
Runs go seed by seed and each finished run is appended to --results (JSON lines) at once: a rerun
skips the runs already there (every sampler is deterministic per seed), and --table-only prints
the tables from what is there. --compare a:b prints, per cell, a's median ÷ b's and the two-sided
Mann–Whitney p, counts the cells where a ≤ b and where a is ≥ 20 % lower, and applies PROTOCOL.md's
rule (a beats b: ≤ in two thirds of the cells, never worse with p < 0.05)."""
import argparse, json, math, os, statistics, subprocess, tempfile, time
from concurrent.futures import ProcessPoolExecutor

from objectives import OBJECTIVES, optimum

CHECKPOINTS = (20, 50, 100)
SAMPLERS = "hypersearch-tpe,optuna-tpe,hypersearch-random"


def rounds_for(trials, k):
    return -(-trials // k)


def run_ours(binary, obj, strategy, seed, k, rounds, space_path, tpe_options=()):
    extra = [arg for o in tpe_options for arg in ("--tpe-option", o)]
    proc = subprocess.Popen([binary, "ask-tell", "--space", space_path, "--strategy", strategy, "--seed", str(seed)] + extra,
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, bufsize=1)
    values = []
    for _ in range(rounds):
        proc.stdin.write('{"op":"ask"}\n' * k)
        answers = [json.loads(proc.stdout.readline()) for _ in range(k)]
        for answer in answers:
            value = obj["from_config"](answer["config"])
            values.append(value)
            proc.stdin.write(json.dumps({"op": "tell", "trial": answer["trial"], "value": value}) + "\n")
        for _ in range(k):
            assert json.loads(proc.stdout.readline())["ok"]
    proc.stdin.close()
    proc.wait()
    return values


def run_optuna(obj, sampler_name, seed, k, rounds):
    import warnings
    import optuna
    optuna.logging.set_verbosity(optuna.logging.WARNING)
    warnings.filterwarnings("ignore", category=optuna.exceptions.ExperimentalWarning)
    options = {"optuna-tpe": {}, "optuna-tpe-liar": {"constant_liar": True},
               "optuna-tpe-mv": {"multivariate": True, "group": True}}[sampler_name]
    study = optuna.create_study(sampler=optuna.samplers.TPESampler(seed=seed, **options))
    values = []
    for _ in range(rounds):
        # k trials asked before any is told: the first k − 1 are running while the last is sampled.
        batch = []
        for _ in range(k):
            trial = study.ask()
            batch.append((trial, obj["optuna"](trial)))
        for trial, value in batch:
            study.tell(trial, value)
            values.append(value)
    return values


def job(args):
    binary, old_binary, index, sampler, seed, k, trials, space_path, variant = args
    obj = OBJECTIVES[index]
    rounds = rounds_for(trials, k)
    if sampler.startswith("optuna-"):
        values = run_optuna(obj, sampler, seed, k, rounds)
    elif variant is not None:
        values = run_ours(old_binary, obj, "tpe", seed, k, rounds, space_path, variant)
    elif sampler == "old-tpe":
        values = run_ours(old_binary, obj, "tpe", seed, k, rounds, space_path)
    else:
        values = run_ours(binary, obj, sampler.split("-")[1], seed, k, rounds, space_path)
    best, regrets = math.inf, {}
    for n, value in enumerate(values, 1):
        best = min(best, value)
        for c in CHECKPOINTS:
            if n == rounds_for(c, k) * k:
                regrets[c] = best - optimum(obj)
    return obj["name"], sampler, seed, regrets


def rank_sum_p(xs, ys):
    """Two-sided p of the Mann–Whitney U test (normal approximation with continuity correction, ties
    as mid-ranks): how surprising a difference this large would be if both came from one distribution."""
    pooled = sorted((v, g) for g, vs in enumerate((xs, ys)) for v in vs)
    rank_sum, i = 0.0, 0
    while i < len(pooled):
        j = i
        while j < len(pooled) and pooled[j][0] == pooled[i][0]:
            j += 1
        rank_sum += sum((i + j + 1) / 2 for _, g in pooled[i:j] if g == 0)
        i = j
    n1, n2 = len(xs), len(ys)
    u = rank_sum - n1 * (n1 + 1) / 2
    sd = (n1 * n2 * (n1 + n2 + 1) / 12) ** 0.5
    z = (abs(u - n1 * n2 / 2) - 0.5) / sd if sd else 0.0
    return max(0.0, min(1.0, math.erfc(max(z, 0.0) / 2 ** 0.5)))


def quartiles(xs):
    q = statistics.quantiles(xs, n=4, method="inclusive")
    return q[0], statistics.median(xs), q[2]


def main():
    p = argparse.ArgumentParser()
    p.add_argument("binary")
    p.add_argument("--old-binary", default="")
    p.add_argument("--samplers", default=SAMPLERS)
    p.add_argument("--variant", action="append", default=[])
    p.add_argument("--k", type=int, default=1)
    p.add_argument("--seeds", type=int, default=20)
    p.add_argument("--first-seed", type=int, default=0)
    p.add_argument("--trials", type=int, default=100)
    p.add_argument("--jobs", type=int, default=2)
    p.add_argument("--only", default="")
    p.add_argument("--results", default="")
    p.add_argument("--table-only", action="store_true")
    p.add_argument("--compare", default="")
    a = p.parse_args()
    variants = {v.split("=", 1)[0]: v.split("=", 1)[1].split(",") for v in a.variant}
    samplers = [s for s in a.samplers.split(",") if s] + [v for v in variants if v not in a.samplers.split(",")]
    seeds = list(range(a.first_seed, a.first_seed + a.seeds))
    chosen = [i for i, o in enumerate(OBJECTIVES) if not a.only or o["name"] in a.only.split(",")]
    names = {OBJECTIVES[i]["name"] for i in chosen}
    results, done = {}, set()
    if a.results and os.path.exists(a.results):
        with open(a.results) as f:
            for line in f:
                r = json.loads(line)
                key = (r["objective"], r["sampler"], r["seed"])
                if (r["k"] == a.k and r["trials"] == a.trials and r["objective"] in names and r["sampler"] in samplers
                        and r["seed"] in seeds and key not in done):
                    done.add(key)
                    results.setdefault((r["objective"], r["sampler"]), []).append({int(c): v for c, v in r["regrets"].items()})
    if not a.table_only:
        tmp = tempfile.mkdtemp(prefix="hs-bench-")
        spaces = {}
        for i in chosen:
            spaces[i] = os.path.join(tmp, OBJECTIVES[i]["name"] + ".json")
            with open(spaces[i], "w") as f:
                json.dump(OBJECTIVES[i]["space"], f)
        jobs = [(a.binary, a.old_binary, i, s, seed, a.k, a.trials, spaces[i], variants.get(s))
                for seed in seeds for i in chosen for s in samplers if (OBJECTIVES[i]["name"], s, seed) not in done]
        print(f"Load average (1, 5, 15 min) at start: {' '.join(f'{x:.1f}' for x in os.getloadavg())}; "
              f"k = {a.k}; seeds {seeds[0]}–{seeds[-1]}; {len(jobs)} runs to do\n", flush=True)
        started = time.time()
        out = open(a.results, "a") if a.results else None
        with ProcessPoolExecutor(max_workers=a.jobs) as pool:
            for name, sampler, seed, regrets in pool.map(job, jobs):
                results.setdefault((name, sampler), []).append(regrets)
                if out:
                    out.write(json.dumps({"objective": name, "sampler": sampler, "seed": seed, "k": a.k,
                                          "trials": a.trials, "regrets": regrets}) + "\n")
                    out.flush()
        print(f"Load average at end: {' '.join(f'{x:.1f}' for x in os.getloadavg())}; "
              f"{len(jobs)} runs in {(time.time() - started) / 60:.1f} min\n")
    checkpoints = [c for c in CHECKPOINTS if c <= a.trials]
    after = [f"after {rounds_for(c, a.k) * a.k}" + (f" ({rounds_for(c, a.k)} rounds)" if a.k > 1 else "") for c in checkpoints]
    print(f"k = {a.k}. Regret (best found − optimum), median [quartiles] over the seeds; lower is better.\n")
    print("| objective | sampler | seeds | " + " | ".join(after) + " |")
    print("|---|---|---|" + "---|" * len(checkpoints))
    for i in chosen:
        for s in samplers:
            runs = results.get((OBJECTIVES[i]["name"], s), [])
            if len(runs) >= 2:
                cells = [quartiles([r[c] for r in runs]) for c in checkpoints]
                print(f"| {OBJECTIVES[i]['name']} | {s} | {len(runs)} | "
                      + " | ".join(f"{m:.4g} [{lo:.3g}, {hi:.3g}]" for lo, m, hi in cells) + " |")
    for pair in filter(None, a.compare.split(",")):
        ours, rival = pair.split(":")
        print(f"\n{ours} vs {rival}: median ratio (ours ÷ rival; < 1 is better), two-sided rank-sum p.\n")
        print("| objective | " + " | ".join(after) + " |")
        print("|---|" + "---|" * len(checkpoints))
        at_most, clearly, total, significantly_worse = 0, 0, 0, 0
        for i in chosen:
            name = OBJECTIVES[i]["name"]
            xs, ys = results.get((name, ours), []), results.get((name, rival), [])
            if len(xs) < 2 or len(ys) < 2:
                continue
            cells = []
            for c in checkpoints:
                mx, my = statistics.median(r[c] for r in xs), statistics.median(r[c] for r in ys)
                ratio = mx / my if my > 0 else (1.0 if mx == my else math.inf)
                total += 1
                at_most += mx <= my
                clearly += ratio <= 0.8
                p_value = rank_sum_p([r[c] for r in xs], [r[c] for r in ys])
                significantly_worse += mx > my and p_value < 0.05
                cells.append(("" if mx <= my else "**") + f"{ratio:.2f}" + ("" if mx <= my else "**") + f" (p {p_value:.2f})")
            print(f"| {name} | " + " | ".join(cells) + " |")
        print(f"\n{ours} ≤ {rival} in {at_most} of {total} cells; ≥ 20 % lower in {clearly} of {total}; "
              f"worse with p < 0.05 in {significantly_worse}. PROTOCOL.md's rule, {ours} beats {rival}: "
              + ("yes" if total and 3 * at_most >= 2 * total and not significantly_worse else "no") + ".")


if __name__ == "__main__":
    main()
