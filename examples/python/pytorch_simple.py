"""Optuna's ``pytorch_simple`` example as a HyperSearch command workload.

The model and data are Optuna's (examples/pytorch/pytorch_simple.py): an MLP on Fashion-MNIST with 1–3
hidden layers, each with its own width and dropout, trained on a fresh random 3840 of the 60k training
images every epoch and scored on 1280 images of the test file. What Optuna's script samples itself comes
from the trial instead: the architecture from the space's ``params`` (``n_layers``, ``n_units_l0..2``,
``dropout_l0..2``), the optimizer from ``optimizer`` (PyTorch's, with the trial's arguments), the LR from
the worker (``initialLr`` and the trial's schedule, warmup included, answered epoch by epoch), the batch
size from ``batchSize``. It checkpoints after every reported epoch and resumes from there.

    /usr/bin/python3 examples/python/pytorch_simple.py [--data DIR] [--train-size N] [--valid-size N]

Run it through a worker: appsettings.json ``HyperSearch:Workloads:Commands`` (docs/training.md).
"""

import argparse
import gzip
import os
import struct
import sys

import torch
import torch.nn as nn
import torch.nn.functional as F

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import hypersearch_trial  # noqa: E402  (beside this file)

CLASSES = 10
PARAMS = {"n_layers": (1, 3, 1)} | {f"n_units_l{i}": (4, 128, 64) for i in range(3)} | {f"dropout_l{i}": (0.0, 0.9, 0.2) for i in range(3)}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", default="/usr/share/datasets/fashion-mnist", help="gzipped IDX files (Debian's dataset-fashion-mnist)")
    parser.add_argument("--train-size", type=int, default=128 * 30, help="training images drawn afresh each epoch (Optuna: 3840)")
    parser.add_argument("--valid-size", type=int, default=128 * 10, help="validation images from the test file (Optuna: 1280)")
    args = parser.parse_args()

    # snippet-begin: start
    trial = hypersearch_trial.start()
    torch.set_num_threads(trial.threads)
    torch.manual_seed(trial.seed)
    config = trial.config
    if trial.schedule_unit == "batch" and config["decay"]["type"] != "reduceOnPlateau":
        raise SystemExit("pytorch_simple follows the worker's per-epoch LR schedule; set the search's scheduleUnit to epoch")

    train_x, train_y = load(args.data, "train")
    test_x, test_y = load(args.data, "t10k")
    # A fixed validation set (every trial is ranked on the same images); the rest of the test file is the test set.
    order = torch.randperm(len(test_y), generator=torch.Generator().manual_seed(0))
    valid, test = order[: args.valid_size], order[args.valid_size:]

    model = define_model(trial.params).to(trial.device)
    optimizer = define_optimizer(config.get("optimizer") or {"type": "sgd"}, model, trial.lr)
    multipliers = config.get("layerLrMultipliers") or []
    batch_size = config.get("batchSize") or 128

    checkpoint = os.path.join(trial.checkpoint_dir, "last.pt")
    first = 1
    if trial.resume and os.path.exists(checkpoint):
        state = torch.load(checkpoint)
        model.load_state_dict(state["model"])
        optimizer.load_state_dict(state["optimizer"])
        torch.set_rng_state(state["rng"])
        first = state["epoch"] + 1
    trial.resumed(first - 1)
    # snippet-end: start

    # snippet-begin: loop
    for epoch in range(first, trial.epochs + 1):
        for group, multiplier in zip(optimizer.param_groups, multipliers + [1.0] * len(optimizer.param_groups)):
            group["lr"] = trial.lr * multiplier
        # Optuna's loader shuffles all 60k images and stops after 30 batches: a fresh subset each epoch
        # (drawn from the trial's seed and the epoch, so a resumed run sees the same images).
        picked = torch.randperm(len(train_y), generator=torch.Generator().manual_seed(trial.seed * 1_000_003 + epoch))[: args.train_size]
        train_loss = train(model, optimizer, config, train_x[picked], train_y[picked], batch_size, trial.device)
        val_loss, val_accuracy = evaluate(model, test_x[valid], test_y[valid], trial.device)
        if not trial.report(epoch, train_loss, val_loss, val_accuracy):
            return
        hypersearch_trial.atomic_save(lambda path: torch.save({
            "epoch": epoch, "model": model.state_dict(), "optimizer": optimizer.state_dict(), "rng": torch.get_rng_state(),
        }, path), checkpoint)

    if trial.evaluate_test_set:
        trial.report_test(*evaluate(model, test_x[test], test_y[test], trial.device))
    # snippet-end: loop


def define_model(params):
    unknown = sorted(set(params) - set(PARAMS))
    if unknown:
        raise SystemExit(f"params.{unknown[0]}: not a parameter of pytorch_simple (known: {', '.join(PARAMS)})")
    value = {name: params.get(name, default) for name, (_, _, default) in PARAMS.items()}
    for name, (low, high, _) in PARAMS.items():
        whole = isinstance(low, int)
        if not low <= value[name] <= high or whole and value[name] != int(value[name]):
            raise SystemExit(f"params.{name}: must be {'a whole number' if whole else 'a number'} in [{low}, {high}]; got {value[name]}")
    layers = []
    in_features = 28 * 28
    for i in range(int(value["n_layers"])):
        out_features = int(value[f"n_units_l{i}"])
        layers += [nn.Linear(in_features, out_features), nn.ReLU(), nn.Dropout(value[f"dropout_l{i}"])]
        in_features = out_features
    layers += [nn.Linear(in_features, CLASSES), nn.LogSoftmax(dim=1)]
    return nn.Sequential(*layers)


def define_optimizer(spec, model, lr):
    """PyTorch's optimizer named by the trial, with its arguments; one param group per Linear layer
    (for ``layerLrMultipliers``). Absent arguments take PyTorch's defaults for that optimizer."""
    groups = [{"params": list(m.parameters())} for m in model if isinstance(m, nn.Linear)]
    kind = spec.get("type", "sgd")
    get = spec.get
    if kind == "sgd":
        return torch.optim.SGD(groups, lr=lr, momentum=get("momentum", 0), dampening=get("dampening", 0),
                               nesterov=get("nesterov", False), weight_decay=get("weightDecay", 0))
    if kind in ("adam", "adamW"):
        make = torch.optim.Adam if kind == "adam" else torch.optim.AdamW
        return make(groups, lr=lr, betas=(get("beta1", 0.9), get("beta2", 0.999)), eps=get("eps", 1e-8),
                    weight_decay=get("weightDecay", 0 if kind == "adam" else 0.01), amsgrad=get("amsgrad", False))
    if kind == "rmsProp":
        return torch.optim.RMSprop(groups, lr=lr, alpha=get("alpha", 0.99), eps=get("eps", 1e-8), weight_decay=get("weightDecay", 0),
                                   momentum=get("momentum", 0), centered=get("centered", False))
    if kind == "adagrad":
        return torch.optim.Adagrad(groups, lr=lr, lr_decay=get("lrDecay", 0), weight_decay=get("weightDecay", 0),
                                   initial_accumulator_value=get("initialAccumulatorValue", 0), eps=get("eps", 1e-10))
    raise SystemExit(f"optimizer.type: '{kind}' is not one pytorch_simple knows")


def train(model, optimizer, config, x, y, batch_size, device):
    model.train()
    total = 0.0
    for start in range(0, len(y), batch_size):
        data, target = x[start:start + batch_size].to(device), y[start:start + batch_size].to(device)
        optimizer.zero_grad()
        loss = F.nll_loss(model(data), target)
        loss.backward()
        if config.get("gradClipNorm"):
            nn.utils.clip_grad_norm_(model.parameters(), config["gradClipNorm"])
        if config.get("gradClipValue"):
            nn.utils.clip_grad_value_(model.parameters(), config["gradClipValue"])
        optimizer.step()
        total += loss.item() * len(target)
    return total / len(y)


@torch.no_grad()
def evaluate(model, x, y, device):
    model.eval()
    output = model(x.to(device))
    loss = F.nll_loss(output, y.to(device)).item()
    accuracy = (output.argmax(dim=1) == y.to(device)).float().mean().item()
    return loss, accuracy


def load(folder, prefix):
    """Images as [n, 784] floats in [0, 1] (torchvision's ToTensor) and labels, from gzipped IDX files."""
    with gzip.open(os.path.join(folder, f"{prefix}-images-idx3-ubyte.gz")) as f:
        _, count, rows, cols = struct.unpack(">IIII", f.read(16))
        images = torch.frombuffer(bytearray(f.read()), dtype=torch.uint8).view(count, rows * cols).float() / 255
    with gzip.open(os.path.join(folder, f"{prefix}-labels-idx1-ubyte.gz")) as f:
        struct.unpack(">II", f.read(8))
        labels = torch.frombuffer(bytearray(f.read()), dtype=torch.uint8).long()
    return images, labels


if __name__ == "__main__":
    main()
