"""The report set: objectives that sampler defaults are never chosen on (the tuning set is
objectives.py). Response surfaces shaped like validation loss over LR schedules, each stressing
one thing, plus a table of real two-spirals training (tabular/). Optima are known in closed form
(or are the table's minimum) so regret is exact."""
import math, os, sys

from spaces import space_json, from_config, optuna_flat

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "tabular"))

def _log_ratio(x, opt):
    return math.log(x / opt) ** 2

# 1. Optimum at the divergence cliff: loss falls linearly as the LR rises, then the run explodes.
#    A sampler that spreads its kernels wide keeps falling off the edge.
CLIFF = {"constant": (-1.6, 0.30), "step": (-1.0, 0.10), "cosine": (-0.8, 0.0)}
CLIFF_SPACE = {"lr": (1e-5, 1.0), "decay": {
    "constant": {},
    "step": {"stepSize": ("int", 5, 60), "gamma": ("float", 0.05, 0.95, False)},
    "cosine": {"tMax": ("int", 20, 200)}}}

def cliff_edge(p):
    z = math.log10(p["lr"])
    edge, offset = CLIFF[p["decay"]]
    if z > edge:
        return 2.0 + offset
    value = offset + 0.4 * (edge - z)
    if p["decay"] == "step":
        value += 0.1 * _log_ratio(p["stepSize"], 30) + 0.4 * (p["gamma"] - 0.5) ** 2
    elif p["decay"] == "cosine":
        value += 0.1 * _log_ratio(p["tMax"], 120)
    return value

# 2. Flat basins: inside ±1 decade of the best LR the loss barely moves, outside it rises fast;
#    the last digits of regret come from a weak slope a sampler must still follow.
FLAT = {"constant": (-2.0, 0.05), "exponential": (-1.5, 0.02), "cosine": (-1.3, 0.0)}
FLAT_SPACE = {"lr": (1e-5, 1.0), "decay": {
    "constant": {},
    "exponential": {"gamma": ("float", 0.8, 0.999, False)},
    "cosine": {"tMax": ("int", 10, 200)}},
    "momentum": ("float", 0.0, 0.99, False)}

def flat_basin(p):
    z = math.log10(p["lr"])
    best, offset = FLAT[p["decay"]]
    d = abs(z - best)
    value = offset + 0.01 * d ** 2 + max(0.0, d - 1.0) ** 2 + 0.01 * (p["momentum"] - 0.9) ** 2
    if p["decay"] == "exponential":
        value += 0.01 * ((p["gamma"] - 0.97) / 0.03) ** 2
    elif p["decay"] == "cosine":
        value += 0.005 * _log_ratio(p["tMax"], 80)
    return value

# 3. Strong LR × decay interactions: what matters is the LR at the start and at the end of a
#    100-epoch run, so the best gamma, step size and tMax move with the initial LR (ridges).
INTERACT_SPACE = {"lr": (1e-5, 1.0), "decay": {
    "exponential": {"gamma": ("float", 0.9, 0.999, False)},
    "step": {"stepSize": ("int", 5, 50), "gamma": ("float", 0.1, 0.9, False)},
    "cosine": {"tMax": ("int", 20, 300)}}}

def lr_decay_interaction(p):
    z = math.log10(p["lr"])
    start = 0.5 * (z + 1.0) ** 2
    if p["decay"] == "exponential":
        end = z + 100 * math.log10(p["gamma"])
        return start + 0.5 * (end + 3.0) ** 2
    if p["decay"] == "step":
        end = z + (100 // p["stepSize"]) * math.log10(p["gamma"])
        return 0.02 + start + 0.5 * (end + 3.0) ** 2
    # cosine: over 100 epochs a longer tMax ends higher; best tMax rises as the LR falls.
    return 0.05 + start + 0.3 * math.log(p["tMax"] / (100 * 10 ** (-(z + 1.0)))) ** 2

# 4. Many decay types, few good: nine branches, only oneCycle (best) and polynomial are good.
MANY_SPACE = {"lr": (1e-5, 1.0), "decay": {
    "constant": {}, "step": {"stepSize": ("int", 5, 50), "gamma": ("float", 0.1, 0.9, False)},
    "exponential": {"gamma": ("float", 0.8, 0.99, False)}, "cosine": {"tMax": ("fixed", 100)},
    "polynomial": {"totalIters": ("fixed", 100), "power": ("float", 0.5, 3.0, False)},
    "linear": {"endFactor": ("float", 0.01, 0.5, True), "totalIters": ("fixed", 100)},
    "inverseTime": {"decayRate": ("float", 0.01, 1.0, True)},
    "cosineWarmRestarts": {"t0": ("int", 5, 50), "tMult": ("cat", [1, 2])},
    "oneCycle": {"totalSteps": ("fixed", 100), "pctStart": ("float", 0.1, 0.5, False),
                 "divFactor": ("float", 5.0, 50.0, True)}}}
MANY = {"constant": (-2.5, 0.5), "step": (-1.5, 0.3), "exponential": (-1.8, 0.35), "cosine": (-1.2, 0.25),
        "polynomial": (-1.3, 0.08), "linear": (-1.4, 0.3), "inverseTime": (-1.6, 0.4),
        "cosineWarmRestarts": (-1.1, 0.3), "oneCycle": (-0.7, 0.0)}

def many_decays(p):
    best, offset = MANY[p["decay"]]
    z = math.log10(p["lr"])
    value = offset + 0.5 * (z - best) ** 2
    t = p["decay"]
    if t == "step":
        value += 0.2 * _log_ratio(p["stepSize"], 25) + (p["gamma"] - 0.3) ** 2
    elif t == "exponential":
        value += 0.3 * ((p["gamma"] - 0.95) / 0.05) ** 2
    elif t == "polynomial":
        value += 0.2 * (p["power"] - 2.0) ** 2
    elif t == "linear":
        value += 0.1 * _log_ratio(p["endFactor"], 0.05)
    elif t == "inverseTime":
        value += 0.1 * _log_ratio(p["decayRate"], 0.1)
    elif t == "cosineWarmRestarts":
        value += 0.2 * _log_ratio(p["t0"], 20) + (0.0 if p["tMult"] == 2 else 0.1)
    elif t == "oneCycle":
        value += 2 * (p["pctStart"] - 0.3) ** 2 + 0.2 * _log_ratio(p["divFactor"], 25)
    if z > -0.3:
        value += 5 * (z + 0.3)
    return value

# 5. Noisy: the shape of the tuning set's lr-schedule, moved, with Gaussian noise (sd 0.02) on
#    every observation. Regret is the noiseless value of the trial the sampler believes best.
NOISY_SPACE = {"lr": (1e-5, 1.0), "decay": {
    "constant": {}, "step": {"stepSize": ("int", 5, 50), "gamma": ("float", 0.05, 0.95, False)},
    "cosine": {"tMax": ("int", 10, 200)}}}
NOISY = {"constant": (-2.2, 0.3), "step": (-1.7, 0.05), "cosine": (-1.0, 0.0)}

def noisy_lr(p):
    best, offset = NOISY[p["decay"]]
    z = math.log10(p["lr"])
    value = offset + 0.5 * (z - best) ** 2
    if p["decay"] == "step":
        value += 0.2 * _log_ratio(p["stepSize"], 15) + (p["gamma"] - 0.4) ** 2
    elif p["decay"] == "cosine":
        value += 0.2 * _log_ratio(p["tMax"], 60)
    if z > -0.5:
        value += 5 * (z + 0.5)
    return value

# 6. Optimizer × LR: Adam wants a small LR, SGD an LR that shrinks with momentum (effective LR
#    lr/(1 − m)); warmup only matters at high LR. Categorical choices change where the LR optimum is.
OPT_SPACE = {"lr": (1e-5, 1.0), "decay": {
    "constant": {}, "cosine": {"tMax": ("int", 10, 200)},
    "step": {"stepSize": ("int", 5, 50), "gamma": ("float", 0.1, 0.9, False)}},
    "optimizer": ("cat", ["sgd", "adam"]), "momentum": ("float", 0.0, 0.99, False),
    "warmupSteps": ("int", 0, 5)}

def optimizer_lr(p):
    z = math.log10(p["lr"])
    if p["optimizer"] == "adam":
        value = 0.05 + 0.5 * (z + 3.0) ** 2
    else:
        z_eff = z - math.log10(1 - p["momentum"])
        value = 0.5 * (z_eff + 0.5) ** 2 + 0.1 * (p["momentum"] - 0.9) ** 2
    value += {"constant": 0.2, "cosine": 0.0, "step": 0.05}[p["decay"]]
    if p["decay"] == "cosine":
        value += 0.1 * _log_ratio(p["tMax"], 100)
    elif p["decay"] == "step":
        value += 0.1 * _log_ratio(p["stepSize"], 30) + 0.5 * (p["gamma"] - 0.3) ** 2
    # Without warmup a high LR hurts; each warmup step takes a fifth of that away.
    value += 0.2 * max(0.0, z + 2.0) * (5 - p["warmupSteps"]) / 5
    return value

# 7. Tabular: real two-spirals training (tabular/generate.py), nearest configuration.
TABULAR_SPACE = {"lr": (1e-3, 3.0), "decay": {
    "constant": {}, "step": {"stepSize": ("int", 1, 8), "gamma": ("float", 0.1, 0.9, False)},
    "exponential": {"gamma": ("float", 0.5, 0.99, False)}, "cosine": {"tMax": ("int", 2, 16)}},
    "optimizer": ("fixed", "sgd"), "momentum": ("float", 0.0, 0.95, False)}

_table = None

def _two_spirals(p):
    global _table
    if _table is None:
        from tabular import Table
        _table = Table()
    params = {k: v for k, v in p.items() if k not in ("lr", "decay")}
    params["initialLr"] = p["lr"]
    return _table.lookup(p["decay"], params)

def _tabular_optimum():
    from tabular import Table, TABLE_PATH
    return Table().optimum if os.path.exists(TABLE_PATH) else 0.0

def conditional(name, fn, desc, optimum, noise=0.0):
    return {"name": name, "set": "report", "space": space_json(desc), "noise": noise,
            "from_config": lambda c: fn(from_config(desc, c)),
            "optuna": lambda trial: fn(optuna_flat(desc, trial)), "optimum": optimum}

REPORT = [
    conditional("cliff-edge", cliff_edge, CLIFF_SPACE, 0.0),
    conditional("flat-basin", flat_basin, FLAT_SPACE, 0.0),
    conditional("lr-decay-interaction", lr_decay_interaction, INTERACT_SPACE, 0.0),
    conditional("many-decays", many_decays, MANY_SPACE, 0.0),
    conditional("noisy-lr", noisy_lr, NOISY_SPACE, 0.0, noise=0.02),
    conditional("optimizer-lr", optimizer_lr, OPT_SPACE, 0.0),
    conditional("two-spirals-table", _two_spirals, TABULAR_SPACE, _tabular_optimum()),
]
