"""The sampler benchmark's objectives, all from published definitions (PROTOCOL.md says where each
comes from and how it is embedded in a decay-type space). Each has its space description (spaces.py:
both the HyperSearch space file and the Optuna define-by-run twin come from it), a function of the
flat parameter dict, and its known optimum, so regret is exact.

- HPOlib's synthetic functions (Eggensperger et al. 2013, automl/HPOlib benchmarks/): Branin,
  Camelback, Hartmann-6, Michalewicz (10-D, m = 10), flat spaces of shared parameters.
- Jenatton et al. (2017)'s tree-structured function (as in Ax's JenattonMetric), its two binary levels
  flattened into one choice of four leaves (HyperSearch spaces condition on the decay type only).
- Branin and Hartmann-6 embedded in a conditional space the way Jenatton's leaves are built: a root
  choice of branches, each owning its copy of some of the function's coordinates (the rest shared by
  every branch) and adding its own offset; the optimum is in the first branch.
- Tabular benchmarks of real training (tabular/): the project's MLP, CNN and GRU workloads on a small
  grid over a decay-type space, and the two-spirals table of 2,459 random configurations.
Parameters embedded in decay-type parameters are linear maps of the function's coordinates (a
range the decay parameter accepts, mapped onto the function's), so the function is unchanged."""
import math, os, sys

from spaces import space_json, from_config, optuna_flat

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "tabular"))


def branin(x1, x2):
    b, c, t = 5.1 / (4 * math.pi ** 2), 5 / math.pi, 1 / (8 * math.pi)
    return (x2 - b * x1 ** 2 + c * x1 - 6) ** 2 + 10 * (1 - t) * math.cos(x1) + 10


def camelback(x, y):
    return (4 - 2.1 * x ** 2 + x ** 4 / 3) * x ** 2 + x * y + (-4 + 4 * y ** 2) * y ** 2


HARTMANN_A = [[10, 3, 17, 3.5, 1.7, 8], [0.05, 10, 17, 0.1, 8, 14],
              [3, 3.5, 1.7, 10, 17, 8], [17, 8, 0.05, 10, 0.1, 14]]
HARTMANN_P = [[1312, 1696, 5569, 124, 8283, 5886], [2329, 4135, 8307, 3736, 1004, 9991],
              [2348, 1451, 3522, 2883, 3047, 6650], [4047, 8828, 8732, 5743, 1091, 381]]
HARTMANN_ALPHA = [1.0, 1.2, 3.0, 3.2]


def hartmann6(x):
    return -sum(HARTMANN_ALPHA[i] * math.exp(-sum(HARTMANN_A[i][j] * (x[j] - HARTMANN_P[i][j] * 1e-4) ** 2 for j in range(6)))
                for i in range(4))


def michalewicz(x, m=10):
    return -sum(math.sin(xi) * math.sin((i + 1) * xi ** 2 / math.pi) ** (2 * m) for i, xi in enumerate(x))


def _unit(value, low, high):
    """A decay parameter's range [low, high] mapped linearly onto [0, 1]."""
    return (value - low) / (high - low)


FIXED = ("fixed", 0.1)  # the LR is not searched by the synthetic functions


def flat_space(ranges):
    """HPOlib's unconditional functions: every coordinate a shared parameter, one (constant) decay type."""
    return {"lr": FIXED, "decay": {"constant": {}}, "params": {n: ("float", lo, hi, False) for n, (lo, hi) in ranges.items()}}


# Jenatton et al. 2017: x1 ∈ {0,1}; x1 = 0 → x2 ∈ {0,1} → x4 or x5 (+ r8); x1 = 1 → x3 → x6 or x7 (+ r9);
# f = x_leaf² + 0.1·(leaf index) + r. Leaves = decay types; each owns its x and its copy of r.
JENATTON_LEAVES = {  # decay type: (offset, x parameter and its range, r parameter and its range)
    "linear": (0.1, ("startFactor", 0.5, 1.0), ("endFactor", 0.0, 1.0)),
    "oneCycle": (0.2, ("pctStart", 0.0, 1.0), ("divFactor", 1.0, 2.0)),
    "cyclic": (0.3, ("gamma", 0.5, 1.0), ("maxLr", 1.0, 2.0)),
    "reduceOnPlateau": (0.4, ("factor", 0.0, 0.5), ("threshold", 0.0, 1.0)),
}
REQUIRED = {"linear": {"totalIters": ("fixed", 100)}, "oneCycle": {"totalSteps": ("fixed", 100)}, "cyclic": {},
            "reduceOnPlateau": {}, "polynomial": {"totalIters": ("fixed", 100)}, "cosine": {"tMax": ("fixed", 100)}}

JENATTON_SPACE = {"lr": FIXED, "decay": {
    t: {x[0]: ("float", x[1], x[2], False), r[0]: ("float", r[1], r[2], False), **REQUIRED[t]}
    for t, (_, x, r) in JENATTON_LEAVES.items()}}


def jenatton(p):
    offset, x, r = JENATTON_LEAVES[p["decay"]]
    return _unit(p[x[0]], x[1], x[2]) ** 2 + offset + _unit(p[r[0]], r[1], r[2])


# Branin: x1 ∈ [-5, 10] shared, x2 ∈ [0, 15] owned by each branch; offsets 0, 1, 2.
BRANIN_BRANCHES = {"polynomial": (0.0, "power"), "reduceOnPlateau": (1.0, "threshold"), "cosine": (2.0, "etaMin")}
BRANIN_COND_SPACE = {"lr": FIXED, "params": {"x1": ("float", -5.0, 10.0, False)},
                     "decay": {t: {p: ("float", 0.0, 15.0, False), **REQUIRED[t]} for t, (_, p) in BRANIN_BRANCHES.items()}}


def branin_cond(p):
    offset, name = BRANIN_BRANCHES[p["decay"]]
    return branin(p["x1"], p[name]) + offset


# Hartmann-6: x1..x3 ∈ [0, 1] shared, x4..x6 owned by each branch; offsets 0, 0.5, 1.
HARTMANN_BRANCHES = {
    "oneCycle": (0.0, [("pctStart", 0.0, 1.0), ("maxLr", 1.0, 2.0), ("divFactor", 1.0, 2.0)]),
    "cyclic": (0.5, [("baseLr", 1.0, 2.0), ("maxLr", 1.0, 2.0), ("gamma", 0.5, 1.0)]),
    "reduceOnPlateau": (1.0, [("factor", 0.0, 0.5), ("threshold", 0.0, 1.0), ("minLr", 0.0, 1.0)]),
}
HARTMANN_COND_SPACE = {"lr": FIXED, "params": {f"x{i}": ("float", 0.0, 1.0, False) for i in (1, 2, 3)},
                       "decay": {t: {**{n: ("float", lo, hi, False) for n, lo, hi in ps}, **REQUIRED[t]}
                                 for t, (_, ps) in HARTMANN_BRANCHES.items()}}


def hartmann6_cond(p):
    offset, own = HARTMANN_BRANCHES[p["decay"]]
    return hartmann6([p["x1"], p["x2"], p["x3"]] + [_unit(p[n], lo, hi) for n, lo, hi in own]) + offset


# Tabular: the grid tables' decay-type space (tabular.py's GRID_BRANCHES) and two-spirals'.
GRID_SPACE = {"lr": ("float", 1e-4, 1.0, True), "optimizer": ("cat", ["sgd", "adam"]), "momentum": ("fixed", 0.9), "decay": {
    "constant": {}, "step": {"stepSize": ("int", 1, 2), "gamma": ("float", 0.1, 0.5, False)},
    "exponential": {"gamma": ("float", 0.5, 0.9, False)}, "cosine": {"tMax": ("int", 4, 8)}}}
SPIRALS_SPACE = {"lr": ("float", 1e-3, 3.0, True), "optimizer": ("fixed", "sgd"), "momentum": ("float", 0.0, 0.95, False), "decay": {
    "constant": {}, "step": {"stepSize": ("int", 1, 8), "gamma": ("float", 0.1, 0.9, False)},
    "exponential": {"gamma": ("float", 0.5, 0.99, False)}, "cosine": {"tMax": ("int", 2, 16)}}}

_tables = {}


def _table(name):
    if name not in _tables:
        from tabular import SPECS, Table
        _tables[name] = Table(SPECS[name])
    return _tables[name]


def tabular(name):
    def lookup(p):
        params = {k: v for k, v in p.items() if k not in ("lr", "decay")}
        params["initialLr"] = p["lr"]
        return _table(name).lookup(p["decay"], params)
    return lookup


def objective(name, fn, desc, optimum):
    return {"name": name, "space": space_json(desc), "optimum": optimum,
            "from_config": lambda c: fn(from_config(desc, c)),
            "optuna": lambda trial: fn(optuna_flat(desc, trial))}


OBJECTIVES = [
    objective("branin", lambda p: branin(p["x1"], p["x2"]),
              flat_space({"x1": (-5.0, 10.0), "x2": (0.0, 15.0)}), 0.397887357729738),
    objective("camelback", lambda p: camelback(p["x"], p["y"]),
              flat_space({"x": (-2.0, 2.0), "y": (-1.0, 1.0)}), -1.0316284534898774),
    objective("hartmann6", lambda p: hartmann6([p[f"x{i}"] for i in range(1, 7)]),
              flat_space({f"x{i}": (0.0, 1.0) for i in range(1, 7)}), -3.32236801141551),
    objective("michalewicz10", lambda p: michalewicz([p[f"x{i}"] for i in range(1, 11)]),
              flat_space({f"x{i}": (0.0, math.pi) for i in range(1, 11)}), -9.66015),
    objective("jenatton", jenatton, JENATTON_SPACE, 0.1),
    objective("branin-cond", branin_cond, BRANIN_COND_SPACE, 0.397887357729738),
    objective("hartmann6-cond", hartmann6_cond, HARTMANN_COND_SPACE, -3.32236801141551),
] + [objective(f"{name}-table", tabular(name), GRID_SPACE, None) for name in ("fashion-mlp", "fashion-cnn", "adding-gru")] \
  + [objective("two-spirals-table", tabular("two-spirals"), SPIRALS_SPACE, None)]


def optimum(obj):
    """The known optimum; a table's is its smallest entry (read when first needed)."""
    if obj["optimum"] is None:
        obj["optimum"] = _table(obj["name"][:-len("-table")]).optimum
    return obj["optimum"]
