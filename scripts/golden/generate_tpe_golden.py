#!/usr/bin/python3
"""Generate the golden TPE cases that HyperSearch's TpeSampler must reproduce.

Run with Debian's python3-optuna (3.1):  /usr/bin/python3 scripts/golden/generate_tpe_golden.py
(install it with `apt-get install python3-optuna`; it is not needed by the product or its tests).
It writes tests/HyperSearch.Core.Tests/Sampling/Golden/tpe-*.json.gz (gzipped JSON, ~5 MB unpacked): random conditional spaces (decay
types that own their parameters; float, log, stepped, int, log-int, stepped-int and categorical
distributions) with random histories (completed, pruned with and without a step, failed, running
and diverged trials; minimize and maximize; repeated values and repeated results), and for each
what Optuna 3.1's default TPESampler(constant_liar=True) computes: n, the good/bad split, and for
every parameter the Parzen estimators of the good and the bad trials (component weights, centres,
bandwidths or categorical weights), the 24 candidates it drew from l(x), their log l and log g,
and the one it chose. Optuna's own code computes all of it: the script wraps its
_ParzenEstimator, _split_observation_pairs and TPESampler._compare to record what they return.
A space's parameter names are HyperSearch's paths (initialLr, decay, decay.step.gamma, …): the
define-by-run names a conditional Optuna objective would use. Seeded, so re-running reproduces the
committed files byte for byte.
"""
import gzip
import json
import math
import os
import random
import warnings

import optuna
from optuna.distributions import CategoricalDistribution, FloatDistribution, IntDistribution
from optuna.samplers import TPESampler
from optuna.samplers._tpe import sampler as tpe_module
from optuna.trial import TrialState, create_trial

SEED = 20261207
CASES = 300
CASES_PER_FILE = 60
CONSTANT_LIAR = True
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..",
                   "tests", "HyperSearch.Core.Tests", "Sampling", "Golden")

warnings.filterwarnings("ignore")
optuna.logging.set_verbosity(optuna.logging.ERROR)

# Each decay type's own parameters in the space file's explicit form; scalars are fixed values.
BRANCHES = {
    "constant": {},
    "step": {"stepSize": {"type": "int", "low": 2, "high": 21, "step": 2},  # top 21 is off the grid: 20
             "gamma": {"type": "float", "low": 0.1, "high": 0.9}},
    "exponential": {"gamma": {"type": "float", "low": 0.8, "high": 0.99, "step": 0.01}},
    "cosine": {"tMax": {"type": "int", "low": 5, "high": 200, "log": True}, "etaMin": 0},
    "polynomial": {"totalIters": 100, "power": {"type": "float", "low": 0.5, "high": 3.2, "step": 0.25}},  # top: 3.0
    "linear": {"endFactor": {"type": "float", "low": 0.01, "high": 0.5, "log": True}, "totalIters": 100},
    "cosineWarmRestarts": {"t0": {"type": "int", "low": 5, "high": 50}, "tMult": [1, 2]},
    "oneCycle": {"totalSteps": 100, "pctStart": {"type": "float", "low": 0.1, "high": 0.5, "step": 0.05},
                 "annealStrategy": ["cos", "linear"], "divFactor": {"type": "float", "low": 5, "high": 50, "log": True}},
    "inverseTime": {"decayRate": {"type": "float", "low": 0.01, "high": 1, "log": True}},
    "cyclic": {"maxLr": {"type": "float", "low": 0.01, "high": 1, "log": True},
               "stepSizeUp": {"type": "int", "low": 2, "high": 30, "log": True}, "mode": ["triangular", "triangular2"]},
}


def optuna_distribution(d):
    if isinstance(d, list):
        return CategoricalDistribution(d)
    if d["type"] == "float":
        return FloatDistribution(d["low"], d["high"], log=d.get("log", False), step=d.get("step"))
    return IntDistribution(d["low"], d["high"], log=d.get("log", False), step=d.get("step", 1))


def random_space(rng):
    types = rng.sample(sorted(BRANCHES), rng.randint(1, 5))
    lr_low = rng.choice([1e-5, 1e-4, 1e-3])
    space = {"initialLr": {"type": "float", "low": lr_low, "high": rng.choice([0.1, 1.0]), "log": True},
             "decay": {t: BRANCHES[t] for t in types}}
    if rng.random() < 0.5:
        space["optimizer"] = {"type": ["sgd", "adam"], "momentum": {"type": "float", "low": 0.8, "high": 0.99}}
    if rng.random() < 0.4:
        space["batchSize"] = [32, 64, 128]
    if rng.random() < 0.3:
        space["warmup"] = {"steps": {"type": "int", "low": 0, "high": 5}, "startFactor": 0.1}
    if rng.random() < 0.5:
        space["params"] = {"x": {"type": "float", "low": -1, "high": 1},
                           "k": {"type": "int", "low": 0, "high": 10, "step": 2}}
    return space


def parameters(space):
    """Every parameter Optuna would sample (path -> space-file distribution, branch or None); fixed ones are left out."""
    params = {"initialLr": (space["initialLr"], None)}
    if len(space["decay"]) > 1:
        params["decay"] = (list(space["decay"]), None)
    for t, ps in space["decay"].items():
        for name, d in ps.items():
            if not isinstance(d, (int, float)):
                params[f"decay.{t}.{name}"] = (d, t)
    for section in ("optimizer", "warmup", "params"):
        for name, d in space.get(section, {}).items():
            if not isinstance(d, (int, float)):
                params[f"{section}.{name}"] = (d, None)
    if "batchSize" in space:
        params["batchSize"] = (space["batchSize"], None)
    return params


def draw(rng, d, earlier):
    """A value of the distribution; a quarter of the time one an earlier trial had (repeats)."""
    if earlier and rng.random() < 0.25:
        return rng.choice(earlier)
    if isinstance(d, list):
        return rng.choice(d)
    low, high = d["low"], d["high"]
    if d["type"] == "int":
        step = d.get("step", 1)
        return low + rng.randint(0, (high - low) // step) * step
    if d.get("step"):
        k = rng.randint(0, int(math.floor((high - low) / d["step"] + 1e-9)))
        return round(low + k * d["step"], 12)
    # Six significant digits keep the files small; Optuna and HyperSearch read the same numbers.
    if d.get("log"):
        return min(max(float(f"{math.exp(rng.uniform(math.log(low), math.log(high))):.6g}"), low), high)
    return float(f"{rng.uniform(low, high):.6g}")


# State mixes: a plain search; one pruning nearly every trial (ASHA), where pruned trials reach the
# good set and their steps decide; one where trials are pruned before reporting anything; one with
# many failures and divergences; one with many trials running.
PROFILES = {
    "plain": [70, 10, 2, 6, 8, 4],
    "pruning": [3, 75, 5, 5, 5, 7],
    "pruned early": [3, 10, 50, 15, 5, 17],
    "failing": [15, 10, 2, 35, 3, 35],
    "parallel": [50, 10, 2, 3, 35, 0],
}


def random_history(rng, space, params):
    profile = rng.choices(list(PROFILES), [50, 15, 10, 15, 10])[0]
    n = rng.choice([rng.randint(3, 12), rng.randint(10, 30), rng.randint(20, 45), rng.randint(26, 45)])
    trials, seen, results = [], {}, []
    for number in range(1, n + 1):
        decay = rng.choice(list(space["decay"]))
        values = {"decay": decay} if "decay" in params else {}
        for path, (d, branch) in params.items():
            if path == "decay" or (branch is not None and branch != decay):
                continue
            values[path] = draw(rng, d, seen.get(path, []))
            seen.setdefault(path, []).append(values[path])
        state = rng.choices(["completed", "pruned", "prunedEarly", "failed", "running", "diverged"], PROFILES[profile])[0]
        value = step = None
        if state in ("completed", "pruned"):
            value = rng.choice(results) if results and rng.random() < 0.15 else round(rng.gauss(0, 1), rng.choice([2, 6]))
            results.append(value)
            step = rng.randint(1, 20) if state == "pruned" else None
        trials.append({"number": number, "decay": decay, "values": values, "state": state, "value": value, "step": step})
    return trials


def trial_config(space, trial):
    """The HyperSearch trial config (contract JSON) of a trial's values."""
    v = trial["values"]
    decay = {"type": trial["decay"]}
    for name, d in space["decay"][trial["decay"]].items():
        decay[name] = d if isinstance(d, (int, float)) else v[f"decay.{trial['decay']}.{name}"]
    config = {"initialLr": v["initialLr"], "decay": decay}
    for section in ("optimizer", "params"):
        if section in space:
            config[section] = {name: v.get(f"{section}.{name}", d) for name, d in space[section].items()}
    if "warmup" in space and v["warmup.steps"] > 0:
        config["warmup"] = {"steps": v["warmup.steps"], "startFactor": space["warmup"]["startFactor"]}
    if "batchSize" in space:
        config["batchSize"] = v["batchSize"]
    return config


def frozen(space, params, trial, direction):
    distributions = {p: optuna_distribution(params[p][0]) for p in trial["values"]}
    state = trial["state"]
    if state == "diverged":
        # A diverged trial is a completed one with the worst value for the direction.
        worst = math.inf if direction == "minimize" else -math.inf
        return create_trial(state=TrialState.COMPLETE, value=worst, params=trial["values"], distributions=distributions)
    if state == "completed":
        return create_trial(state=TrialState.COMPLETE, value=trial["value"], params=trial["values"], distributions=distributions)
    if state == "pruned":
        return create_trial(state=TrialState.PRUNED, params=trial["values"], distributions=distributions,
                            intermediate_values={trial["step"]: trial["value"]})
    if state == "prunedEarly":
        return create_trial(state=TrialState.PRUNED, params=trial["values"], distributions=distributions)
    return create_trial(state=TrialState.FAIL if state == "failed" else TrialState.RUNNING,
                        params=trial["values"], distributions=distributions)


class Recorder:
    """Wraps Optuna's TPE internals so every call records what it computed."""

    def __init__(self):
        self.estimators, self.splits, self.compares = [], [], []
        recorder = self

        class RecordingParzenEstimator(tpe_module._ParzenEstimator):
            def __init__(self, *args, **kwargs):
                super().__init__(*args, **kwargs)
                recorder.estimators.append(self)

        split = tpe_module._split_observation_pairs

        def recording_split(scores, n_below, violations):
            below, above = split(scores, n_below, violations)
            recorder.splits.append((list(scores), n_below, below, above))
            return below, above

        compare = TPESampler._compare.__func__

        def recording_compare(cls, samples, log_l, log_g):
            result = compare(cls, samples, log_l, log_g)
            recorder.compares.append((samples, log_l, log_g, result))
            return result

        tpe_module._ParzenEstimator = RecordingParzenEstimator
        tpe_module._split_observation_pairs = recording_split
        TPESampler._compare = classmethod(recording_compare)

    def clear(self):
        self.estimators.clear(), self.splits.clear(), self.compares.clear()


def number(x):
    """A computed float to 12 significant digits (the tests allow 1e-9); JSON has no infinities, so those are strings."""
    x = float(x)
    return float(f"{x:.12g}") if math.isfinite(x) else ("Infinity" if x > 0 else "-Infinity")


def estimator_json(pe, path):
    out = {"weights": [number(w) for w in pe._weights]}
    if pe._categorical_weights[path] is not None:
        out["categorical"] = [[number(p) for p in row] for row in pe._categorical_weights[path]]
    else:
        out["mus"] = [number(m) for m in pe._mus[path]]
        out["sigmas"] = [number(s) for s in pe._sigmas[path]]
    return out


def make_case(rng, recorder, index):
    space = random_space(rng)
    params = parameters(space)
    direction = rng.choice(["minimize", "maximize"])
    trials = random_history(rng, space, params)
    seed = rng.randint(0, 2**31 - 1)
    study = optuna.create_study(direction=direction, sampler=TPESampler(seed=seed, constant_liar=CONSTANT_LIAR))
    for t in trials:
        study.add_trial(frozen(space, params, t, direction))
    numbers = [t.number for t in study.get_trials(deepcopy=False)]
    observed = [t.number for t in study.get_trials(
        deepcopy=False, states=(TrialState.COMPLETE, TrialState.PRUNED) + ((TrialState.RUNNING,) if CONSTANT_LIAR else ()))]
    current = create_trial(state=TrialState.COMPLETE, value=0.0)  # only its number is read (for a log line)
    n = sum(1 for t in trials if t["state"] in ("completed", "pruned", "prunedEarly", "diverged"))
    case = {"name": f"case-{index:03d}", "direction": direction, "space": space,
            "trials": [{"number": t["number"], "config": trial_config(space, t), "state": t["state"],
                        **({"value": t["value"]} if t["value"] is not None else {}),
                        **({"step": t["step"]} if t["step"] is not None else {})} for t in trials],
            "finished": n}
    assert numbers == list(range(len(trials)))  # Optuna numbers from 0; the cases number from 1
    if n < 10:
        case["startup"] = True
        return case
    case["parameters"] = []
    split_seen = None
    for path, (d, _) in params.items():
        recorder.clear()
        study.sampler.sample_independent(study, current, path, optuna_distribution(d))
        scores, n_below, below, above = recorder.splits[0]
        split = {"nBelow": int(n_below), "below": [observed[i] + 1 for i in below], "above": [observed[i] + 1 for i in above]}
        assert split_seen in (None, split)
        split_seen = split
        below_pe, above_pe = recorder.estimators
        samples, log_l, log_g, result = recorder.compares[0]
        case["parameters"].append({
            "path": path,
            "below": estimator_json(below_pe, path),
            "above": estimator_json(above_pe, path),
            "candidates": [s.item() if hasattr(s, "item") else s for s in samples[path]],
            "logL": [number(v) for v in log_l],
            "logG": [number(v) for v in log_g],
            "chosen": int(max(range(len(log_l)), key=lambda i: (log_l[i] - log_g[i], -i))),
        })
        assert case["parameters"][-1]["candidates"][case["parameters"][-1]["chosen"]] == result[path]
    case.update(split_seen)
    return case


def main():
    rng = random.Random(SEED)
    recorder = Recorder()
    cases = [make_case(rng, recorder, i) for i in range(CASES)]
    os.makedirs(OUT, exist_ok=True)
    for start in range(0, CASES, CASES_PER_FILE):
        path = os.path.join(OUT, f"tpe-{start // CASES_PER_FILE + 1}.json.gz")
        text = json.dumps({"optuna": optuna.__version__, "constantLiar": CONSTANT_LIAR,
                           "cases": cases[start:start + CASES_PER_FILE]}, separators=(",", ":")) + "\n"
        # gzip without a name or time stamp in its header, so the bytes depend on the content only.
        with open(path, "wb") as raw, gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0) as f:
            f.write(text.encode())
    modelled = [c for c in cases if "parameters" in c]
    print(f"{len(cases)} cases ({len(modelled)} past the start-up, "
          f"{sum(len(c['parameters']) for c in modelled)} parameters) in {OUT}")


if __name__ == "__main__":
    main()
