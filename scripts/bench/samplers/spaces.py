"""One declarative description of a conditional search space, turned into both a HyperSearch space
file and an Optuna define-by-run function, so both samplers search exactly the same space.
Distributions: ("float", low, high, log) | ("int", low, high) | ("cat", [choices]) | ("fixed", v).
Description keys: "lr" (the initial LR), "decay" (type -> its own parameters), optionally "optimizer",
"momentum" and "params" (name -> distribution, shared by every branch). An objective sees a flat
dict: lr, decay, the chosen type's own parameters by name, optimizer, momentum, and each shared
parameter by name."""

def _json(dist):
    kind = dist[0]
    if kind == "float":
        return {"type": "float", "low": dist[1], "high": dist[2], "log": dist[3]}
    if kind == "int":
        return {"type": "int", "low": dist[1], "high": dist[2]}
    if kind == "cat":
        return {"type": "categorical", "choices": dist[1]}
    return dist[1]

def _suggest(trial, name, dist):
    kind = dist[0]
    if kind == "float":
        return trial.suggest_float(name, dist[1], dist[2], log=dist[3])
    if kind == "int":
        return trial.suggest_int(name, dist[1], dist[2])
    if kind == "cat":
        return trial.suggest_categorical(name, dist[1])
    return dist[1]

def space_json(desc):
    space = {"initialLr": _json(desc["lr"]),
             "decay": {t: {p: _json(d) for p, d in ps.items()} for t, ps in desc["decay"].items()}}
    if "optimizer" in desc or "momentum" in desc:
        space["optimizer"] = {"type": _json(desc.get("optimizer", ("fixed", "sgd")))}
        if "momentum" in desc:
            space["optimizer"]["momentum"] = _json(desc["momentum"])
    if "params" in desc:
        space["params"] = {name: _json(d) for name, d in desc["params"].items()}
    return space

def from_config(desc, config):
    decay = config["decay"]
    flat = {"lr": config["initialLr"], "decay": decay["type"]}
    flat.update({p: decay[p] for p in desc["decay"][decay["type"]]})
    optimizer = config.get("optimizer", {})
    if "optimizer" in desc:
        flat["optimizer"] = optimizer["type"]
    if "momentum" in desc:
        flat["momentum"] = optimizer["momentum"]
    flat.update(config.get("params", {}))
    return flat

def optuna_flat(desc, trial):
    flat = {"lr": _suggest(trial, "initialLr", desc["lr"])}
    flat["decay"] = trial.suggest_categorical("decay", list(desc["decay"]))
    # Branch parameters get branch-qualified names: conditional parameters, as in Optuna's docs.
    for p, d in desc["decay"][flat["decay"]].items():
        flat[p] = _suggest(trial, f"{flat['decay']}.{p}", d)
    for name in ("optimizer", "momentum"):
        if name in desc:
            flat[name] = _suggest(trial, name, desc[name])
    for name, d in desc.get("params", {}).items():
        flat[name] = _suggest(trial, f"params.{name}", d)
    return flat
