"""Benchmark objectives. The tuning set (here) is what sampler defaults may be chosen on; the
report set (report_objectives.py, appended to OBJECTIVES) is never used for that. Each objective
has its HyperSearch space (JSON), its Optuna define-by-run twin and its known optimum. Generic
coordinates travel in the space's "params" section; the conditional objectives use the LR-search
fields themselves (initialLr, decay type and params)."""
import math

def branin(p):
    x1, x2 = p["x1"], p["x2"]
    a, b, c, r, s, t = 1, 5.1 / (4 * math.pi ** 2), 5 / math.pi, 6, 10, 1 / (8 * math.pi)
    return a * (x2 - b * x1 ** 2 + c * x1 - r) ** 2 + s * (1 - t) * math.cos(x1) + s

HARTMANN_A = [[10, 3, 17, 3.5, 1.7, 8], [0.05, 10, 17, 0.1, 8, 14],
              [3, 3.5, 1.7, 10, 17, 8], [17, 8, 0.05, 10, 0.1, 14]]
HARTMANN_P = [[1312, 1696, 5569, 124, 8283, 5886], [2329, 4135, 8307, 3736, 1004, 9991],
              [2348, 1451, 3522, 2883, 3047, 6650], [4047, 8828, 8732, 5743, 1091, 381]]
HARTMANN_ALPHA = [1.0, 1.2, 3.0, 3.2]

def hartmann6(p):
    x = [p[f"x{i}"] for i in range(1, 7)]
    total = 0.0
    for i in range(4):
        inner = sum(HARTMANN_A[i][j] * (x[j] - HARTMANN_P[i][j] * 1e-4) ** 2 for j in range(6))
        total += HARTMANN_ALPHA[i] * math.exp(-inner)
    return -total

def log_rosenbrock(p):
    # Coordinates are log10 of log-scaled parameters in [1e-2, 1e2]; optimum at every p = 10.
    x = [math.log10(p[f"p{i}"]) for i in range(1, 5)]
    rosen = sum(100 * (x[i + 1] - x[i] ** 2) ** 2 + (1 - x[i]) ** 2 for i in range(3))
    return math.log1p(rosen)

# A response surface shaped like validation loss over LR schedules: each decay type has its own
# best log-LR and its own parameter optimum; cosine with tMax ~100 at lr ~0.063 is best.
LR_OPT = {"constant": -2.5, "step": -1.5, "exponential": -1.8, "cosine": -1.2}
OFFSET = {"constant": 0.6, "step": 0.15, "exponential": 0.2, "cosine": 0.0}

def lr_schedule(decay, lr, dp):
    z = math.log10(lr)
    value = OFFSET[decay] + 0.5 * (z - LR_OPT[decay]) ** 2
    if decay == "step":
        gamma_opt = 0.3 + 0.1 * (z + 1.5)
        value += 0.3 * math.log(dp["stepSize"] / 20) ** 2 + 2 * (dp["gamma"] - gamma_opt) ** 2
    elif decay == "exponential":
        value += 0.3 * ((dp["gamma"] - 0.95) / 0.05) ** 2
    elif decay == "cosine":
        value += 0.3 * math.log(dp["tMax"] / 100) ** 2
    # A too-high LR explodes, as in real training.
    if z > -0.3:
        value += 5 * (z + 0.3)
    return value

def lr_schedule_from_config(config):
    d = config["decay"]
    return lr_schedule(d["type"], config["initialLr"], d)

def lr_schedule_optuna(trial):
    lr = trial.suggest_float("initialLr", 1e-5, 1, log=True)
    decay = trial.suggest_categorical("decay", ["constant", "step", "exponential", "cosine"])
    dp = {}
    if decay == "step":
        dp["stepSize"] = trial.suggest_int("stepSize", 5, 50)
        dp["gamma"] = trial.suggest_float("stepGamma", 0.05, 0.95)
    elif decay == "exponential":
        dp["gamma"] = trial.suggest_float("expGamma", 0.8, 0.999)
    elif decay == "cosine":
        dp["tMax"] = trial.suggest_int("tMax", 10, 200)
    return lr_schedule(decay, lr, dp)

def generic(name, fn, ranges, optimum):
    """ranges: name -> (low, high, log)."""
    space = {"initialLr": 0.1, "decay": ["constant"],
             "params": {k: {"low": lo, "high": hi, "log": log} for k, (lo, hi, log) in ranges.items()}}
    def optuna_objective(trial):
        return fn({k: trial.suggest_float(k, lo, hi, log=log) for k, (lo, hi, log) in ranges.items()})
    return {"name": name, "set": "tuning", "noise": 0.0, "space": space, "from_config": lambda c: fn(c["params"]),
            "optuna": optuna_objective, "optimum": optimum}

OBJECTIVES = [
    generic("branin", branin, {"x1": (-5, 10, False), "x2": (0, 15, False)}, 0.397887357729738),
    generic("hartmann6", hartmann6, {f"x{i}": (0, 1, False) for i in range(1, 7)}, -3.32236801141551),
    generic("log-rosenbrock-4d", log_rosenbrock, {f"p{i}": (1e-2, 1e2, True) for i in range(1, 5)}, 0.0),
    {"name": "lr-schedule", "set": "tuning", "noise": 0.0, "optimum": 0.0, "from_config": lr_schedule_from_config, "optuna": lr_schedule_optuna,
     "space": {"initialLr": {"low": 1e-5, "high": 1, "log": True},
               "decay": {"constant": {},
                         "step": {"stepSize": {"type": "int", "low": 5, "high": 50}, "gamma": {"low": 0.05, "high": 0.95}},
                         "exponential": {"gamma": {"low": 0.8, "high": 0.999}},
                         "cosine": {"tMax": {"type": "int", "low": 10, "high": 200}}}}},
]

from report_objectives import REPORT

OBJECTIVES += REPORT
