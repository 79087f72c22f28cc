#!/usr/bin/python3
"""Generate the golden LR sequences that HyperSearch's schedulers must reproduce (within 1e-9 relative).

Run with Debian's python3-torch (1.13):  /usr/bin/python3 scripts/golden/generate_lr_golden.py
It writes tests/HyperSearch.Core.Tests/Schedules/Golden/<decayType>.json: for each case our trial
config (camelCase, as stored on a trial), the metric sequence fed to reduceOnPlateau, and the LR
list read from optimizer.param_groups[0]['lr'] before every optimizer.step()/scheduler.step().
Seeded, so re-running reproduces the committed files byte for byte.
"""
import bisect
import json
import math
import os
import random
import sys
import warnings

import torch
from torch.optim import SGD
from torch.optim import lr_scheduler as S

SEED = 20240613
RANDOM_CASES = 20
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..",
                   "tests", "HyperSearch.Core.Tests", "Schedules", "Golden")

warnings.filterwarnings("ignore")  # SequentialLR's step(0) is deprecated-but-used; not our concern


def make_main(opt, decay, initial_lr):
    """The PyTorch scheduler for one of our decay specs (the contract's name mapping)."""
    t = decay["type"]
    if t == "constant":
        return S.LambdaLR(opt, lambda e: 1.0)
    if t == "step":
        return S.StepLR(opt, step_size=decay["stepSize"], gamma=decay.get("gamma", 0.1))
    if t == "multiStep":
        return S.MultiStepLR(opt, milestones=decay["milestones"], gamma=decay.get("gamma", 0.1))
    if t == "exponential":
        return S.ExponentialLR(opt, gamma=decay["gamma"])
    if t == "cosine":
        return S.CosineAnnealingLR(opt, T_max=decay["tMax"], eta_min=decay.get("etaMin", 0.0))
    if t == "cosineWarmRestarts":
        return S.CosineAnnealingWarmRestarts(opt, T_0=decay["t0"], T_mult=decay.get("tMult", 1),
                                             eta_min=decay.get("etaMin", 0.0))
    if t == "polynomial":
        return S.PolynomialLR(opt, total_iters=decay.get("totalIters", 5), power=decay.get("power", 1.0))
    if t == "linear":
        return S.LinearLR(opt, start_factor=decay.get("startFactor", 1.0 / 3),
                          end_factor=decay.get("endFactor", 1.0), total_iters=decay.get("totalIters", 5))
    if t == "inverseTime":
        rate = decay["decayRate"]
        return S.LambdaLR(opt, lambda e: 1.0 / (1.0 + rate * e))
    if t == "piecewise":
        milestones, factors = list(decay["milestones"]), list(decay["factors"])
        return S.LambdaLR(opt, lambda e: factors[bisect.bisect_right(milestones, e)])
    if t == "oneCycle":
        max_lr = decay.get("maxLr")
        return S.OneCycleLR(opt, max_lr=initial_lr if max_lr is None else max_lr,
                            total_steps=decay["totalSteps"], pct_start=float(decay.get("pctStart", 0.3)),
                            anneal_strategy=decay.get("annealStrategy", "cos"), cycle_momentum=False,
                            div_factor=decay.get("divFactor", 25.0),
                            final_div_factor=decay.get("finalDivFactor", 1e4),
                            three_phase=decay.get("threePhase", False))
    if t == "cyclic":
        base_lr = decay.get("baseLr")
        mode = {"triangular": "triangular", "triangular2": "triangular2", "expRange": "exp_range"}[
            decay.get("mode", "triangular")]
        return S.CyclicLR(opt, base_lr=initial_lr if base_lr is None else base_lr, max_lr=decay["maxLr"],
                          step_size_up=decay.get("stepSizeUp", 2000), step_size_down=decay.get("stepSizeDown"),
                          mode=mode, gamma=decay.get("gamma", 1.0), cycle_momentum=False)
    if t == "reduceOnPlateau":
        return S.ReduceLROnPlateau(opt, mode="min", factor=decay.get("factor", 0.1),
                                   patience=decay.get("patience", 10), threshold=decay.get("threshold", 1e-4),
                                   threshold_mode=decay.get("thresholdMode", "rel"),
                                   cooldown=decay.get("cooldown", 0), min_lr=decay.get("minLr", 0.0))
    raise ValueError(t)


def run(config, steps, metrics):
    """LRs of the first `steps` steps; stops early where PyTorch raises (OneCycleLR past totalSteps)."""
    param = torch.nn.Parameter(torch.zeros(1))
    opt = SGD([param], lr=config["initialLr"])
    warmup = config.get("warmup")
    plateau = config["decay"]["type"] == "reduceOnPlateau"
    linear = None
    if warmup:
        # Built first, as in SequentialLR([LinearLR(...), main], ...).
        linear = S.LinearLR(opt, start_factor=warmup.get("startFactor", 0.1), end_factor=1.0,
                            total_iters=warmup["steps"])
    main = make_main(opt, config["decay"], config["initialLr"])
    sched = S.SequentialLR(opt, [linear, main], milestones=[warmup["steps"]]) if warmup and not plateau else main

    lrs = []
    k = 0
    for t in range(steps):
        lrs.append(opt.param_groups[0]["lr"])
        if t + 1 == steps:
            break
        opt.step()
        try:
            if plateau and warmup:
                # SequentialLR cannot drive ReduceLROnPlateau (it calls step(0) with 0 as the metric).
                # HyperSearch's contract: LinearLR during warmup, then back to the initial LR at the
                # milestone and a fresh plateau fed from the step after it; warmup metrics ignored.
                k += 1
                if k < warmup["steps"]:
                    linear.step()
                elif k == warmup["steps"]:
                    opt.param_groups[0]["lr"] = opt.param_groups[0]["initial_lr"]
                else:
                    main.step(metrics[t])
            elif plateau:
                main.step(metrics[t])
            else:
                sched.step()
        except (ValueError, ZeroDivisionError):
            break
    return lrs


def loguniform(rng, lo, hi):
    return math.exp(rng.uniform(math.log(lo), math.log(hi)))


def synthetic_metrics(rng, n):
    """A validation-loss-like series: decay, plateaus, noise, exact repeats (ties) and bumps."""
    level = rng.uniform(0.5, 3.0)
    floor = rng.uniform(0.01, 0.3)
    tau = rng.uniform(5, 120)
    noise = loguniform(rng, 1e-4, 0.05)
    quantum = rng.choice([None, 1e-3, 1e-2])
    out = []
    for t in range(n):
        v = floor + (level - floor) * math.exp(-t / tau) + rng.gauss(0, noise)
        if rng.random() < 0.03:
            v += rng.uniform(0, 0.5)  # a spike
        if quantum:
            v = round(v / quantum) * quantum
        out.append(v)
    return out


def random_decay(rng, t, steps, initial_lr):
    if t == "constant":
        return {}
    if t == "step":
        return {"stepSize": rng.randint(1, 60), "gamma": rng.uniform(0.05, 1.0)}
    if t == "multiStep":
        count = rng.randint(1, 6)
        return {"milestones": sorted(rng.sample(range(1, steps), count)), "gamma": rng.uniform(0.05, 1.0)}
    if t == "exponential":
        return {"gamma": rng.uniform(0.8, 1.0)}
    if t == "cosine":
        return {"tMax": rng.choice([rng.randint(1, 20), rng.randint(1, 400)]),
                "etaMin": rng.choice([0.0, rng.uniform(0, initial_lr * 0.2)])}
    if t == "cosineWarmRestarts":
        return {"t0": rng.randint(1, 50), "tMult": rng.choice([1, 1, 2, 3]),
                "etaMin": rng.choice([0.0, rng.uniform(0, initial_lr * 0.2)])}
    if t == "polynomial":
        return {"totalIters": rng.randint(1, 400), "power": rng.uniform(0.1, 3.0)}
    if t == "linear":
        return {"startFactor": rng.uniform(0.01, 1.0), "endFactor": rng.uniform(0.0, 1.0),
                "totalIters": rng.randint(1, 300)}
    if t == "inverseTime":
        return {"decayRate": loguniform(rng, 1e-4, 1.0)}
    if t == "oneCycle":
        total = rng.randint(10, steps)
        pct = rng.uniform(0.05, 0.6)
        while pct * total - 1 == 0:
            pct = rng.uniform(0.05, 0.6)
        d = {"totalSteps": total, "pctStart": pct, "annealStrategy": rng.choice(["cos", "linear"]),
             "divFactor": rng.uniform(2, 50), "finalDivFactor": loguniform(rng, 10, 1e5),
             "threePhase": rng.random() < 0.5}
        if rng.random() < 0.5:
            d["maxLr"] = initial_lr * rng.uniform(1, 20)
        return d
    if t == "cyclic":
        d = {"maxLr": initial_lr * rng.uniform(2, 20), "stepSizeUp": rng.randint(1, 80),
             "mode": rng.choice(["triangular", "triangular2", "expRange"]), "gamma": rng.uniform(0.95, 1.0)}
        if rng.random() < 0.6:
            d["stepSizeDown"] = rng.randint(1, 80)
        if rng.random() < 0.5:
            d["baseLr"] = initial_lr * rng.uniform(0.05, 1.0)
        return d
    if t == "piecewise":
        milestones = sorted(rng.sample(range(1, steps), rng.randint(0, 12)))
        return {"milestones": milestones, "factors": [loguniform(rng, 1e-3, 3.0) for _ in range(len(milestones) + 1)]}
    if t == "reduceOnPlateau":
        mode = rng.choice(["rel", "abs"])
        return {"factor": rng.uniform(0.1, 0.9), "patience": rng.randint(0, 10),
                "threshold": loguniform(rng, 1e-4, 0.1) if mode == "rel" else loguniform(rng, 1e-5, 0.01),
                "thresholdMode": mode, "cooldown": rng.randint(0, 5),
                "minLr": rng.choice([0.0, initial_lr * loguniform(rng, 1e-4, 0.1)])}
    raise ValueError(t)


def edge_cases():
    """Hand-picked corners: (name, config, steps)."""
    def c(decay, lr=0.1, warmup=None):
        cfg = {"initialLr": lr, "decay": decay}
        if warmup:
            cfg["warmup"] = warmup
        return cfg
    w = {"steps": 5, "startFactor": 0.1}
    every_step = list(range(1, 60))
    return [
        ("piecewise-every-step", c({"type": "piecewise", "milestones": every_step,
                                    "factors": [0.97 ** i for i in range(len(every_step) + 1)]}), 80),
        ("piecewise-no-milestones", c({"type": "piecewise", "milestones": [], "factors": [0.3]}), 20),
        ("piecewise-milestone1-warmup", c({"type": "piecewise", "milestones": [1, 7], "factors": [2.0, 0.5, 0.0]},
                                          warmup=w), 40),
        ("constant-warmup", c({"type": "constant"}, warmup=w), 50),
        ("step-size1", c({"type": "step", "stepSize": 1, "gamma": 0.97}), 300),
        ("step-warmup-size1", c({"type": "step", "stepSize": 1, "gamma": 0.9}, warmup={"steps": 1, "startFactor": 0.5}), 100),
        ("multiStep-milestone1", c({"type": "multiStep", "milestones": [1, 2, 50], "gamma": 0.5}), 100),
        ("multiStep-milestone1-warmup", c({"type": "multiStep", "milestones": [1, 3], "gamma": 0.5}, warmup=w), 60),
        ("exponential-warmup", c({"type": "exponential", "gamma": 0.95}, warmup=w), 300),
        ("cosine-tmax1", c({"type": "cosine", "tMax": 1, "etaMin": 0.001}), 40),
        ("cosine-tmax2", c({"type": "cosine", "tMax": 2}), 40),
        ("cosine-past-tmax", c({"type": "cosine", "tMax": 30, "etaMin": 0.002}), 500),
        ("cosine-etamin-warmup", c({"type": "cosine", "tMax": 100, "etaMin": 0.013}, warmup=w), 400),
        ("cosine-etamin-above-lr", c({"type": "cosine", "tMax": 50, "etaMin": 0.2}), 200),
        ("cwr-t0-1-tmult2", c({"type": "cosineWarmRestarts", "t0": 1, "tMult": 2, "etaMin": 0.0}), 500),
        ("cwr-t0-5-tmult3-warmup", c({"type": "cosineWarmRestarts", "t0": 5, "tMult": 3, "etaMin": 0.001}, warmup=w), 500),
        ("cwr-t0-10-tmult1", c({"type": "cosineWarmRestarts", "t0": 10}), 300),
        ("polynomial-power0", c({"type": "polynomial", "totalIters": 20, "power": 0.0}), 60),
        ("polynomial-past-total", c({"type": "polynomial", "totalIters": 30, "power": 2.0}), 100),
        ("polynomial-warmup", c({"type": "polynomial", "totalIters": 100, "power": 0.5}, warmup=w), 200),
        ("linear-to-zero", c({"type": "linear", "startFactor": 1.0, "endFactor": 0.0, "totalIters": 50}), 100),
        ("linear-flat", c({"type": "linear", "startFactor": 0.5, "endFactor": 0.5, "totalIters": 10}), 40),
        ("linear-warmup", c({"type": "linear", "startFactor": 0.25, "endFactor": 1.0, "totalIters": 20}, warmup=w), 60),
        ("inverseTime-zero", c({"type": "inverseTime", "decayRate": 0.0}), 20),
        ("inverseTime-warmup", c({"type": "inverseTime", "decayRate": 0.05}, warmup=w), 300),
        ("oneCycle-defaults", c({"type": "oneCycle", "totalSteps": 100}), 200),
        ("oneCycle-three-linear", c({"type": "oneCycle", "maxLr": 1.0, "totalSteps": 300, "pctStart": 0.25,
                                     "annealStrategy": "linear", "threePhase": True}), 400),
        ("oneCycle-three-cos-warmup", c({"type": "oneCycle", "maxLr": 0.5, "totalSteps": 200, "pctStart": 0.4,
                                         "threePhase": True}, warmup=w), 300),
        ("oneCycle-pct0", c({"type": "oneCycle", "totalSteps": 50, "pctStart": 0.0}), 60),
        ("oneCycle-pct1", c({"type": "oneCycle", "totalSteps": 50, "pctStart": 1.0}), 60),
        ("oneCycle-total1", c({"type": "oneCycle", "totalSteps": 1, "pctStart": 0.5}), 5),
        ("cyclic-triangular", c({"type": "cyclic", "baseLr": 0.01, "maxLr": 0.1, "stepSizeUp": 10}), 300),
        ("cyclic-triangular2-down", c({"type": "cyclic", "baseLr": 0.001, "maxLr": 0.1, "stepSizeUp": 7,
                                       "stepSizeDown": 23, "mode": "triangular2"}), 400),
        ("cyclic-exprange", c({"type": "cyclic", "maxLr": 1.0, "stepSizeUp": 20, "stepSizeDown": 5,
                               "mode": "expRange", "gamma": 0.99}), 400),
        ("cyclic-up1-down1-warmup", c({"type": "cyclic", "maxLr": 0.3, "stepSizeUp": 1, "stepSizeDown": 1}, warmup=w), 50),
        ("cyclic-null-baselr-warmup", c({"type": "cyclic", "maxLr": 0.5, "stepSizeUp": 13, "mode": "triangular2"}, warmup=w), 200),
    ]


def plateau_edge_cases(rng):
    flat = [1.0] * 200
    return [
        ("plateau-flat-patience0", c_plateau({"factor": 0.5, "patience": 0}), flat),
        ("plateau-flat-cooldown3", c_plateau({"factor": 0.5, "patience": 2, "cooldown": 3}), flat),
        ("plateau-minlr", c_plateau({"factor": 0.1, "patience": 1, "minLr": 0.0005}), flat),
        ("plateau-eps-skip", c_plateau({"factor": 0.5, "patience": 0}, lr=1e-8), flat[:30]),
        ("plateau-abs", c_plateau({"factor": 0.5, "patience": 1, "threshold": 0.01, "thresholdMode": "abs"}),
         [1.0 - 0.005 * t for t in range(200)]),
        ("plateau-rel-boundary", c_plateau({"factor": 0.5, "patience": 2, "threshold": 0.5}),
         [2.0 ** -(t // 4) for t in range(120)]),
        ("plateau-warmup", c_plateau({"factor": 0.3, "patience": 2, "cooldown": 1},
                                     warmup={"steps": 8, "startFactor": 0.2}), synthetic_metrics(rng, 300)),
    ]


def c_plateau(params, lr=0.1, warmup=None):
    cfg = {"initialLr": lr, "decay": dict({"type": "reduceOnPlateau"}, **params)}
    if warmup:
        cfg["warmup"] = warmup
    return cfg


def case(name, config, steps, metrics=None):
    lrs = run(config, steps, metrics)
    out = {"name": name, "config": config}
    if metrics is not None:
        out["metrics"] = metrics[: max(len(lrs) - 1, 0)]
    out["lrs"] = lrs
    return out


def main():
    rng = random.Random(SEED)
    types = ["constant", "step", "multiStep", "exponential", "cosine", "cosineWarmRestarts", "polynomial",
             "linear", "inverseTime", "oneCycle", "cyclic", "reduceOnPlateau", "piecewise"]
    cases = {t: [] for t in types}
    for name, config, steps in edge_cases():
        cases[config["decay"]["type"]].append(case(name, config, steps))
    for name, config, metrics in plateau_edge_cases(rng):
        cases["reduceOnPlateau"].append(case(name, config, len(metrics) + 1 if len(metrics) < 200 else len(metrics), metrics))
    for t in types:
        for i in range(RANDOM_CASES):
            steps = rng.randint(200, 400)
            initial_lr = loguniform(rng, 1e-4, 1.0)
            config = {"initialLr": initial_lr, "decay": dict({"type": t}, **random_decay(rng, t, steps, initial_lr))}
            if i % 2 == 1:
                config["warmup"] = {"steps": rng.randint(1, 30), "startFactor": rng.uniform(0.01, 1.0)}
            metrics = synthetic_metrics(rng, steps) if t == "reduceOnPlateau" else None
            cases[t].append(case(f"{t}-random-{i}", config, steps, metrics))

    os.makedirs(OUT, exist_ok=True)
    for t in types:
        doc = {"generator": "scripts/golden/generate_lr_golden.py", "torch": torch.__version__, "seed": SEED,
               "decayType": t, "cases": cases[t]}
        with open(os.path.join(OUT, f"{t}.json"), "w") as f:
            json.dump(doc, f, separators=(",", ":"), allow_nan=False)
            f.write("\n")
    total = sum(os.path.getsize(os.path.join(OUT, f"{t}.json")) for t in types)
    print(f"wrote {sum(len(v) for v in cases.values())} cases, {total / 1e6:.2f} MB to {os.path.normpath(OUT)}",
          file=sys.stderr)


if __name__ == "__main__":
    main()
