"""The two-spirals tabular objective: a table of real training results (generate.py) looked up
by the nearest configuration of the same decay type. Distance: Euclidean over the numeric
parameters, each scaled to [0, 1] on its search scale (log for the LR), so a sampler's proposal
scores what the closest configuration that was really trained scored."""
import csv, math, os

CSV_PATH = os.path.join(os.path.dirname(os.path.abspath(__file__)), "two-spirals.csv")
# The table the benchmark reads; HS_TABLE points it at a frozen copy while generate.py extends the file.
TABLE_PATH = os.environ.get("HS_TABLE", CSV_PATH)
DIVERGED_LOSS = 1.0  # chance level is ln 2 ≈ 0.69; diverged runs and worse count as 1.0

# name -> (low, high, log, int); per decay type its own parameters. SGD with searched momentum.
COMMON = {"initialLr": (1e-3, 3.0, True, False), "momentum": (0.0, 0.95, False, False)}
BRANCHES = {
    "constant": {},
    "step": {"stepSize": (1, 8, False, True), "gamma": (0.1, 0.9, False, False)},
    "exponential": {"gamma": (0.5, 0.99, False, False)},
    "cosine": {"tMax": (2, 16, False, True)},
}
COLUMNS = ["id", "decay", "initialLr", "momentum", "stepSize", "gamma", "tMax"]

def _draw(rng, low, high, log, is_int):
    if is_int:
        return rng.randint(low, high)
    return math.exp(rng.uniform(math.log(low), math.log(high))) if log else rng.uniform(low, high)

def random_config(rng, i):
    decay = rng.choice(list(BRANCHES))
    row = {c: "" for c in COLUMNS}
    row.update(id=i, decay=decay)
    for name, r in {**COMMON, **BRANCHES[decay]}.items():
        row[name] = _draw(rng, *r)
    return row

def to_trial_config(row):
    decay = {"type": row["decay"]}
    decay.update({k: row[k] for k in BRANCHES[row["decay"]]})
    return {"initialLr": row["initialLr"], "decay": decay, "batchSize": 32,
            "optimizer": {"type": "sgd", "momentum": row["momentum"]}}

def _scaled(name, ranges, value):
    low, high, log, _ = ranges[name]
    v = float(value)
    return (math.log(v) - math.log(low)) / (math.log(high) - math.log(low)) if log else (v - low) / (high - low)

class Table:
    def __init__(self, path=TABLE_PATH):
        self.rows = {d: [] for d in BRANCHES}
        with open(path) as f:
            for r in csv.DictReader(f):
                if r["state"] == "failed":
                    continue  # a crash says nothing about the configuration
                ranges = {**COMMON, **BRANCHES[r["decay"]]}
                key = tuple(_scaled(n, ranges, r[n]) for n in ranges)
                self.rows[r["decay"]].append((key, float(r["valLoss"])))
        self.optimum = min(v for rows in self.rows.values() for _, v in rows)

    def lookup(self, decay, params):
        ranges = {**COMMON, **BRANCHES[decay]}
        key = [_scaled(n, ranges, params[n]) for n in ranges]
        return min(self.rows[decay], key=lambda kv: sum((a - b) ** 2 for a, b in zip(kv[0], key)))[1]
