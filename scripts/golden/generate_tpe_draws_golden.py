#!/usr/bin/python3
"""Generate the golden *draws* of Optuna 3.1's default TPESampler that HyperSearch's TpeSampler must
match in distribution: the one part of a trial's suggestion the other golden files
(generate_tpe_golden.py) do not pin, because it depends on the random numbers — which candidates are
drawn from l(x), hence which decay type and which values come out of a whole trial.

Run with Debian's python3-optuna (3.1):  /usr/bin/python3 scripts/golden/generate_tpe_draws_golden.py
It writes tests/HyperSearch.Core.Tests/Sampling/Golden/draws-conditional.json.gz: histories of a
conditional space (Branin embedded in four decay types, as the sampler benchmark's branin-cond is, with
a plain, a stepped, an integer and a log parameter per branch, a shared float and a shared
categorical), each the first n trials of an Optuna TPE search of it, and for each the suggestion of
trial n + 1 made by TPESampler(seed=j) for j = 0 … DRAWS − 1 (every parameter of it). The test
(TpeDrawsGoldenTests) makes the same number of suggestions with its own seeds and compares the two
samples parameter by parameter (two-sample Kolmogorov–Smirnov).

Histories where Optuna's decay-type scores tie exactly between two types are left out: there numpy's
BLAS rounding of the categorical l(x)/g(x) sums picks the type (deterministic for a given history,
but not part of the algorithm), where HyperSearch takes the first of the tied candidates
(docs/search-space.md). Seeded: re-running reproduces the committed file byte for byte.
"""
import gzip
import json
import math
import os
import warnings

import numpy as np
import optuna
from optuna.samplers import TPESampler
from optuna.samplers._tpe import sampler as tpe_module

DRAWS = 400
CASES = 10
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..",
                   "tests", "HyperSearch.Core.Tests", "Sampling", "Golden", "draws-conditional.json.gz")

warnings.filterwarnings("ignore")
optuna.logging.set_verbosity(optuna.logging.ERROR)

SPACE = {
    "initialLr": 0.1,
    "batchSize": [32, 64, 128],
    "params": {"x1": {"type": "float", "low": -5, "high": 10}},
    "decay": {
        "polynomial": {"power": {"type": "float", "low": 0, "high": 15}, "totalIters": 100},
        "cosine": {"tMax": {"type": "int", "low": 5, "high": 155}},
        "exponential": {"gamma": {"type": "float", "low": 0.8, "high": 0.99, "step": 0.01}},
        "linear": {"endFactor": {"type": "float", "low": 0.01, "high": 0.5, "log": True}, "totalIters": 100},
    },
}
# Each branch: its parameter's path, how it maps onto Branin's x2 ∈ [0, 15], and the branch's offset.
BRANCHES = {
    "polynomial": ("decay.polynomial.power", lambda v: v, 0.0),
    "cosine": ("decay.cosine.tMax", lambda v: (v - 5) / 10, 1.0),
    "exponential": ("decay.exponential.gamma", lambda v: (v - 0.8) / 0.19 * 15, 2.0),
    "linear": ("decay.linear.endFactor", lambda v: math.log(v / 0.01) / math.log(50) * 15, 0.5),
}
BATCH_OFFSET = {32: 0.0, 64: 0.3, 128: 0.6}


def branin(x1, x2):
    b, c, t = 5.1 / (4 * math.pi ** 2), 5 / math.pi, 1 / (8 * math.pi)
    return (x2 - b * x1 ** 2 + c * x1 - 6) ** 2 + 10 * (1 - t) * math.cos(x1) + 10


def suggest(trial):
    """Define-by-run, with HyperSearch's paths as names: the decay type, its own parameter, then the shared ones."""
    decay = trial.suggest_categorical("decay", list(SPACE["decay"]))
    path, to_x2, offset = BRANCHES[decay]
    d = SPACE["decay"][decay][path.split(".")[-1]]
    if d["type"] == "int":
        value = trial.suggest_int(path, d["low"], d["high"])
    else:
        value = trial.suggest_float(path, d["low"], d["high"], log=d.get("log", False), step=d.get("step"))
    x1 = trial.suggest_float("params.x1", -5, 10)
    batch = trial.suggest_categorical("batchSize", SPACE["batchSize"])
    return branin(x1, to_x2(value)) + offset + BATCH_OFFSET[batch]


def config(params):
    decay = {"type": params["decay"]}
    for name, d in SPACE["decay"][params["decay"]].items():
        decay[name] = params[f"decay.{params['decay']}.{name}"] if isinstance(d, dict) else d
    return {"initialLr": SPACE["initialLr"], "decay": decay, "params": {"x1": params["params.x1"]},
            "batchSize": params["batchSize"]}


def decay_tied(study):
    """Whether Optuna's l/g score of the decay type is maximal for two types at once (to 1e-12)."""
    estimators = []

    class Recording(tpe_module._ParzenEstimator):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            estimators.append(self)

    original = tpe_module._ParzenEstimator
    tpe_module._ParzenEstimator = Recording
    try:
        TPESampler(seed=0).sample_independent(study, study.trials[0], "decay",
                                              optuna.distributions.CategoricalDistribution(list(SPACE["decay"])))
    finally:
        tpe_module._ParzenEstimator = original
    below, above = estimators
    choices = {"decay": np.arange(len(SPACE["decay"]))}
    score = below.log_pdf(choices) - above.log_pdf(choices)
    return int(np.sum(score >= score.max() - 1e-12)) > 1


def main():
    cases = []
    seed = 0
    while len(cases) < CASES:
        n = (15, 25, 40, 60)[seed % 4]
        study = optuna.create_study(sampler=TPESampler(seed=seed))
        study.optimize(suggest, n_trials=n)
        seed += 1
        if decay_tied(study):
            continue
        draws = []
        for j in range(DRAWS):
            replay = optuna.create_study(sampler=TPESampler(seed=j))
            for t in study.trials:
                replay.add_trial(t)
            trial = replay.ask()
            suggest(trial)
            draws.append(trial.params)
        cases.append({"name": f"branin-{seed - 1}-{n}", "direction": "minimize", "space": SPACE,
                      "trials": [{"number": t.number + 1, "config": config(t.params), "state": "completed",
                                  "value": t.value} for t in study.trials],
                      "finished": n, "draws": draws})
    text = json.dumps({"optuna": optuna.__version__, "draws": DRAWS, "cases": cases}, separators=(",", ":")) + "\n"
    with open(OUT, "wb") as raw, gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0) as f:
        f.write(text.encode())
    print(f"{len(cases)} histories ({seed - len(cases)} left out for a tied decay score), {DRAWS} draws each, in {OUT}")


if __name__ == "__main__":
    main()
