"""Tabular benchmarks: tables of real training results (generate.py trains each row once with
`hypersearch trial run`), looked up by the nearest configuration of the same decay type and the same
categorical choices. Distance: Euclidean over the numeric parameters, each scaled to [0, 1] on its
search scale (log for the LR), so a sampler's proposal scores what the closest configuration that
was really trained scored.

Two kinds of table:
- two-spirals: 2,459 random configurations (drawn with seed 20261202, as on 2026-12-02);
- fashion-mlp, fashion-cnn, adding-gru: a small full grid over a decay-type space (the MLP, the CNN
  and the recurrent workload of the project), sized so that one table trains in well under an hour
  on one quiet core: 7 LRs × 2 optimizers × 13 decay settings = 182 rows, 2 epochs each (fashion)
  or 4 (the GRU, which learns the adding problem only from its second epoch)."""
import csv, itertools, math, os, random

HERE = os.path.dirname(os.path.abspath(__file__))

# A numeric parameter: (low, high, log, is_int); the grid tables also list the values trained.
LR_GRID = [10 ** (-4 + 2 * k / 3) for k in range(7)]  # 1e-4 … 1, a third of a decade apart ×2


class Spec:
    """One table: the workload, what varies (shared numbers, shared categories, decay branches),
    and what is fixed in every trained config."""

    def __init__(self, name, workload, epochs, numeric, categorical, branches, fixed, diverged_loss,
                 grid=None, random_rows=0):
        self.name, self.workload, self.epochs = name, workload, epochs
        self.numeric, self.categorical, self.branches = numeric, categorical, branches
        self.fixed, self.diverged_loss, self.grid, self.random_rows = fixed, diverged_loss, grid, random_rows
        self.csv_path = os.path.join(HERE, f"{name}.csv")
        names = list(numeric) + list(categorical) + [p for ps in branches.values() for p in ps]
        self.columns = ["id", "decay"] + list(dict.fromkeys(names))

    def ranges(self, decay):
        return {**self.numeric, **self.branches[decay]}

    def rows(self):
        """Every configuration of the table, in a fixed order (ids are positions)."""
        if self.grid is None:
            # The original two-spirals draw, kept bit-identical so the committed rows still match.
            rng = random.Random(20261202)
            return [self._random_row(rng, i) for i in range(self.random_rows)]
        rows = []
        for decay, params in self.branches.items():
            axes = [(n, self.grid[n]) for n in self.numeric] + [(n, c) for n, c in self.categorical.items()] \
                + [(n, self.grid[f"{decay}.{n}"]) for n in params]
            for values in itertools.product(*(v for _, v in axes)):
                row = {c: "" for c in self.columns}
                row.update(id=len(rows), decay=decay)
                row.update({n: v for (n, _), v in zip(axes, values)})
                rows.append(row)
        return rows

    def _random_row(self, rng, i):
        decay = rng.choice(list(self.branches))
        row = {c: "" for c in self.columns}
        row.update(id=i, decay=decay)
        for name, (low, high, log, is_int) in self.ranges(decay).items():
            row[name] = rng.randint(low, high) if is_int else (
                math.exp(rng.uniform(math.log(low), math.log(high))) if log else rng.uniform(low, high))
        return row

    def trial_config(self, row):
        decay = {"type": row["decay"]}
        decay.update({k: row[k] for k in self.branches[row["decay"]]})
        config = {"initialLr": row["initialLr"], "decay": decay, **self.fixed(row)}
        return config


def _sgd_momentum(row):
    return {"batchSize": 32, "optimizer": {"type": "sgd", "momentum": row["momentum"]}}


def _optimizer(params=None):
    def fixed(row):
        optimizer = {"type": "sgd", "momentum": 0.9} if row["optimizer"] == "sgd" else {"type": "adam"}
        return {"batchSize": 64, "optimizer": optimizer, **({"params": params} if params else {})}
    return fixed


GRID_BRANCHES = {
    "constant": {},
    "step": {"stepSize": (1, 2, False, True), "gamma": (0.1, 0.5, False, False)},
    "exponential": {"gamma": (0.5, 0.9, False, False)},
    "cosine": {"tMax": (4, 8, False, True)},
}
GRID_VALUES = {"initialLr": LR_GRID, "step.stepSize": [1, 2], "step.gamma": [0.1, 0.3, 0.5],
               "exponential.gamma": [0.5, 0.7, 0.9], "cosine.tMax": [4, 6, 8]}


def _grid_spec(name, workload, epochs, diverged_loss, params=None):
    return Spec(name, workload, epochs=epochs, numeric={"initialLr": (1e-4, 1.0, True, False)},
                categorical={"optimizer": ["sgd", "adam"]}, branches=GRID_BRANCHES,
                fixed=_optimizer(params), diverged_loss=diverged_loss, grid=GRID_VALUES)


SPECS = {
    # 8 epochs, SGD with searched momentum; diverged runs and worse than chance (ln 2) count as 1.0.
    "two-spirals": Spec("two-spirals", "two-spirals", epochs=8,
                        numeric={"initialLr": (1e-3, 3.0, True, False), "momentum": (0.0, 0.95, False, False)},
                        categorical={}, branches={
                            "constant": {},
                            "step": {"stepSize": (1, 8, False, True), "gamma": (0.1, 0.9, False, False)},
                            "exponential": {"gamma": (0.5, 0.99, False, False)},
                            "cosine": {"tMax": (2, 16, False, True)}},
                        fixed=_sgd_momentum, diverged_loss=1.0, random_rows=2459),
    # Cross-entropy over 10 classes: chance is ln 10 ≈ 2.30; diverged runs count as 2.5.
    # 2 epochs, not the 4 PROTOCOL.md registered: at load average 30–50 on the shared machine 4 epochs
    # would have taken ~5 h for these two tables (its "Deviations" section).
    "fashion-mlp": _grid_spec("fashion-mlp", "fashion-mlp", 2, 2.5),
    "fashion-cnn": _grid_spec("fashion-cnn", "fashion-cnn", 2, 2.5),
    # The adding problem with a GRU (cell 1): predicting the mean gives MSE ≈ 1/6; diverged → 0.25.
    "adding-gru": _grid_spec("adding-gru", "adding-problem", 4, 0.25, params={"cell": 1}),
}


def _scaled(ranges, name, value):
    low, high, log, _ = ranges[name]
    v = float(value)
    return (math.log(v) - math.log(low)) / (math.log(high) - math.log(low)) if log else (v - low) / (high - low)


class Table:
    def __init__(self, spec, path=None):
        self.spec = spec
        self.rows = {}
        # HS_TABLE_DIR points the benchmark at frozen copies while generate.py extends the files.
        path = path or os.path.join(os.environ.get("HS_TABLE_DIR", HERE), f"{spec.name}.csv")
        with open(path) as f:
            for r in csv.DictReader(f):
                if r["state"] == "failed":
                    continue  # a crash says nothing about the configuration
                ranges = spec.ranges(r["decay"])
                key = (r["decay"],) + tuple(r[c] for c in spec.categorical)
                point = tuple(_scaled(ranges, n, r[n]) for n in ranges)
                self.rows.setdefault(key, []).append((point, float(r["valLoss"])))
        self.optimum = min(v for rows in self.rows.values() for _, v in rows)

    def lookup(self, decay, params):
        ranges = self.spec.ranges(decay)
        key = (decay,) + tuple(str(params[c]) for c in self.spec.categorical)
        point = [_scaled(ranges, n, params[n]) for n in ranges]
        # Ties go to the first row in table order, so a lookup never depends on anything else.
        return min(self.rows[key], key=lambda kv: sum((a - b) ** 2 for a, b in zip(kv[0], point)))[1]
