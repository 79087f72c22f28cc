#!/usr/bin/python3
"""Generate the golden optimizer traces that HyperSearch's trainer must reproduce (≤ 1e-5 relative, float32).

Run with Debian's python3-torch (1.13):  /usr/bin/python3 scripts/golden/generate_optimizer_golden.py
(install it first: apt-get install -y python3-torch). It writes
tests/HyperSearch.Training.Tests/Trainer/Golden/optimizers.json: a fixed tiny classifier (its initial
weights), a fixed dataset, and for every optimizer option the trial config accepts one case: our
optimizer spec (camelCase, as stored on a trial), the per-layer LR multipliers (one param group per
layer, as the trainer builds them), gradient clipping, the LR of every step (from a real PyTorch
scheduler stepping the LR), the batch loss and every parameter after every optimizer step.

Each step trains the next batch of the data in its stored order (batch i of step s is s mod batches),
reading the LR from the scheduler before optimizer.step() and stepping the scheduler after it: the
trainer's order. foreach=False: PyTorch 1.13's default on CPU, the per-tensor reference loops.
Seeded, so re-running reproduces the committed file byte for byte.
"""
import json
import math
import os

import torch
from torch import nn

SEED = 20261207
FEATURES, HIDDEN, CLASSES = 4, 6, 3
SAMPLES, BATCH = 24, 8
STEPS = 60
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..",
                   "tests", "HyperSearch.Training.Tests", "Trainer", "Golden", "optimizers.json")

# (name, our optimizer spec, initial lr, layer multipliers, clip by norm, clip by value)
CASES = [
    ("sgd", {"type": "sgd"}, 0.5, None, None, None),
    ("sgd-momentum", {"type": "sgd", "momentum": 0.9}, 0.1, None, None, None),
    ("sgd-momentum-dampening", {"type": "sgd", "momentum": 0.8, "dampening": 0.3}, 0.1, None, None, None),
    ("sgd-nesterov", {"type": "sgd", "momentum": 0.9, "nesterov": True}, 0.1, None, None, None),
    ("sgd-weight-decay", {"type": "sgd", "weightDecay": 0.05}, 0.5, None, None, None),
    ("sgd-all", {"type": "sgd", "momentum": 0.7, "dampening": 0.1, "weightDecay": 0.01}, 0.2, [1.0, 0.25], 0.5, None),
    ("sgd-nesterov-wd-clip-value", {"type": "sgd", "momentum": 0.5, "nesterov": True, "weightDecay": 0.02}, 0.3, None, None, 0.05),
    ("adam", {"type": "adam"}, 0.01, None, None, None),
    ("adam-betas-eps", {"type": "adam", "beta1": 0.8, "beta2": 0.95, "eps": 1e-6}, 0.02, None, None, None),
    ("adam-weight-decay", {"type": "adam", "weightDecay": 0.1}, 0.01, None, None, None),
    ("adam-amsgrad", {"type": "adam", "amsgrad": True, "beta2": 0.9}, 0.02, [0.5, 2.0], None, None),
    ("adam-clip-norm", {"type": "adam"}, 0.03, None, 0.2, None),
    ("adamw", {"type": "adamW", "weightDecay": 0.1}, 0.01, None, None, None),
    ("adamw-default-wd", {"type": "adamW"}, 0.01, None, None, None),
    ("adamw-amsgrad-betas", {"type": "adamW", "weightDecay": 0.3, "amsgrad": True, "beta1": 0.85, "beta2": 0.99, "eps": 1e-7}, 0.02, [1.0, 0.1], None, None),
    ("rmsprop", {"type": "rmsProp"}, 0.005, None, None, None),
    ("rmsprop-alpha-eps", {"type": "rmsProp", "alpha": 0.9, "eps": 1e-5}, 0.005, None, None, None),
    ("rmsprop-momentum", {"type": "rmsProp", "momentum": 0.9}, 0.002, None, None, None),
    ("rmsprop-centered", {"type": "rmsProp", "centered": True}, 0.003, None, None, None),
    ("rmsprop-all", {"type": "rmsProp", "alpha": 0.95, "momentum": 0.5, "centered": True, "weightDecay": 0.01}, 0.002, [2.0, 1.0], None, 0.1),
    ("adagrad", {"type": "adagrad"}, 0.05, None, None, None),
    ("adagrad-all", {"type": "adagrad", "lrDecay": 0.01, "initialAccumulatorValue": 0.1, "weightDecay": 0.02, "eps": 1e-8}, 0.1, None, 0.3, None),
]


def pytorch_optimizer(spec, groups):
    """The PyTorch optimizer for one of our specs: the mapping docs/training.md documents."""
    t = spec["type"]
    wd = spec.get("weightDecay", 0.0)
    if t == "sgd":
        return torch.optim.SGD(groups, lr=groups[0]["lr"], momentum=spec.get("momentum", 0.0),
                               dampening=spec.get("dampening", 0.0), weight_decay=wd,
                               nesterov=spec.get("nesterov", False), foreach=False)
    if t in ("adam", "adamW"):
        cls = torch.optim.Adam if t == "adam" else torch.optim.AdamW
        return cls(groups, lr=groups[0]["lr"], betas=(spec.get("beta1", 0.9), spec.get("beta2", 0.999)),
                   eps=spec.get("eps", 1e-8), weight_decay=spec.get("weightDecay", 0.0 if t == "adam" else 0.01),
                   amsgrad=spec.get("amsgrad", False), foreach=False)
    if t == "rmsProp":
        return torch.optim.RMSprop(groups, lr=groups[0]["lr"], alpha=spec.get("alpha", 0.99), eps=spec.get("eps", 1e-8),
                                   weight_decay=wd, momentum=spec.get("momentum", 0.0),
                                   centered=spec.get("centered", False), foreach=False)
    if t == "adagrad":
        return torch.optim.Adagrad(groups, lr=groups[0]["lr"], lr_decay=spec.get("lrDecay", 0.0), weight_decay=wd,
                                   initial_accumulator_value=spec.get("initialAccumulatorValue", 0.0),
                                   eps=spec.get("eps", 1e-10), foreach=False)
    raise ValueError(t)


def f32(v):
    """A float32 value in the fewest digits that read back to the same float32."""
    return float(f"{float(v):.9g}")


def model_from(state):
    model = nn.Sequential(nn.Linear(FEATURES, HIDDEN), nn.Tanh(), nn.Linear(HIDDEN, CLASSES))
    model.load_state_dict(state)
    return model


def lr_factor(step):
    """A cosine decay to 10 % over the run, so every case also sees the LR change at every step."""
    return 0.1 + 0.9 * 0.5 * (1 + math.cos(math.pi * step / STEPS))


def run_case(name, spec, lr, multipliers, clip_norm, clip_value, state, x, y):
    torch.manual_seed(SEED)
    model = model_from(state)
    layers = [model[0], model[2]]
    multipliers = multipliers or [1.0] * len(layers)
    groups = [{"params": list(layer.parameters()), "lr": lr * m} for layer, m in zip(layers, multipliers)]
    optimizer = pytorch_optimizer(spec, groups)
    scheduler = torch.optim.lr_scheduler.LambdaLR(optimizer, lr_factor)
    batches = SAMPLES // BATCH
    lrs, losses, params = [], [], []
    clipped = 0  # steps where clipping changed the gradient: a case whose clipping never acts proves nothing
    for step in range(STEPS):
        lrs.append(optimizer.param_groups[0]["lr"])
        start = (step % batches) * BATCH
        optimizer.zero_grad()
        loss = nn.functional.cross_entropy(model(x[start:start + BATCH]), y[start:start + BATCH])
        loss.backward()
        if clip_norm is not None:
            clipped += float(nn.utils.clip_grad_norm_(model.parameters(), clip_norm)) > clip_norm
        if clip_value is not None:
            clipped += any(float(p.grad.abs().max()) > clip_value for p in model.parameters())
            nn.utils.clip_grad_value_(model.parameters(), clip_value)
        optimizer.step()
        scheduler.step()
        losses.append(float(loss))
        params.append([f32(v) for p in model.parameters() for v in p.detach().flatten()])
    case = {"name": name, "optimizer": spec, "initialLr": lr, "layerLrMultipliers": multipliers,
            "lrs": lrs, "losses": losses, "params": params}
    if clip_norm is not None or clip_value is not None:
        case["clippedSteps"] = clipped
    if clip_norm is not None:
        case["gradClipNorm"] = clip_norm
    if clip_value is not None:
        case["gradClipValue"] = clip_value
    return case


def main():
    torch.manual_seed(SEED)
    torch.set_num_threads(1)
    state = model_from(nn.Sequential(nn.Linear(FEATURES, HIDDEN), nn.Tanh(), nn.Linear(HIDDEN, CLASSES)).state_dict()).state_dict()
    x = torch.randn(SAMPLES, FEATURES)
    y = torch.randint(0, CLASSES, (SAMPLES,))
    cases = [run_case(*c, state, x, y) for c in CASES]
    doc = {
        "generator": "scripts/golden/generate_optimizer_golden.py",
        "torch": torch.__version__,
        "model": "Linear(4, 6) -> Tanh -> Linear(6, 3), cross-entropy (mean)",
        "features": FEATURES, "hidden": HIDDEN, "classes": CLASSES, "batchSize": BATCH,
        "initialParams": [f32(v) for p in state.values() for v in p.flatten()],
        "x": [f32(v) for v in x.flatten()],
        "y": [int(v) for v in y],
        "cases": cases,
    }
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    with open(OUT, "w") as f:
        json.dump(doc, f, separators=(",", ":"))
        f.write("\n")
    print(f"wrote {len(cases)} cases × {STEPS} steps to {os.path.normpath(OUT)}")


if __name__ == "__main__":
    main()
