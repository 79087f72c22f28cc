#!/usr/bin/python3
"""PyTorch 1.13 baseline for the trainer benchmark: the same model, data sizes, batch size,
optimizer, thread count and per-epoch work (train + validation) as `hypersearch trial run`.
Prints one JSON line with the BLAS library it loaded and its thread counts, then one per epoch:
{"epoch", "seconds", "valAccuracy"}."""
import argparse, gzip, json, time

import numpy as np
import torch
from torch import nn

MEAN, STD = 0.2860, 0.3530


def idx(path):
    with gzip.open(path, "rb") as f:
        data = f.read()
    ndim = data[3]
    dims = [int.from_bytes(data[4 + 4 * i: 8 + 4 * i], "big") for i in range(ndim)]
    return np.frombuffer(data, dtype=np.uint8, offset=4 + 4 * ndim).reshape(dims)


class Recurrent(nn.Module):
    """AddingProblemWorkload's model: LSTM 2->64 over 50 steps, a linear layer on the last state."""

    def __init__(self):
        super().__init__()
        self.lstm = nn.LSTM(2, 64, batch_first=True)
        self.head = nn.Linear(64, 1)

    def forward(self, x):
        out, _ = self.lstm(x.view(-1, STEPS, 2))
        return self.head(out[:, -1])


STEPS = 50


def adding(count, rng):
    """The adding problem as AddingProblemWorkload generates it (same distribution, numpy's RNG)."""
    x = np.zeros((count, STEPS, 2), dtype=np.float32)
    x[:, :, 0] = rng.random((count, STEPS))
    first = rng.integers(0, STEPS // 2, count)
    second = STEPS // 2 + rng.integers(0, STEPS // 2, count)
    x[np.arange(count), first, 1] = 1
    x[np.arange(count), second, 1] = 1
    y = (x[:, :, 0] * x[:, :, 1]).sum(1, keepdims=True).astype(np.float32)
    return torch.from_numpy(x.reshape(count, -1)), torch.from_numpy(y)


def model(kind):
    if kind == "adding-problem":
        return Recurrent()
    if kind == "fashion-mlp":
        return nn.Sequential(nn.Linear(784, 256), nn.ReLU(), nn.Linear(256, 10))
    return nn.Sequential(
        nn.Unflatten(1, (1, 28, 28)),
        nn.Conv2d(1, 16, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
        nn.Conv2d(16, 32, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
        nn.Flatten(), nn.Linear(32 * 7 * 7, 128), nn.ReLU(), nn.Linear(128, 10))


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--workload", default="fashion-mlp")
    p.add_argument("--data", default="/usr/share/datasets/fashion-mnist")
    p.add_argument("--train", type=int, default=12000)
    p.add_argument("--val", type=int, default=3000)
    p.add_argument("--batch", type=int, default=64)
    p.add_argument("--lr", type=float, default=0.05)
    p.add_argument("--momentum", type=float, default=0.9)
    p.add_argument("--epochs", type=int, default=4)
    p.add_argument("--threads", type=int, default=1)
    p.add_argument("--seed", type=int, default=0)
    a = p.parse_args()

    torch.set_num_threads(a.threads)
    torch.manual_seed(a.seed)
    # Which BLAS actually multiplies: Debian's python3-torch links libblas.so.3, whichever library the
    # alternatives system points that at (the reference BLAS is ~10x slower than OpenBLAS).
    torch.randn(64, 64) @ torch.randn(64, 64)
    print(json.dumps({"blas": blas_library(), "threads": torch.get_num_threads(),
                      "interopThreads": torch.get_num_interop_threads(), "torch": torch.__version__}), flush=True)
    if a.workload == "adding-problem":
        rng = np.random.default_rng(1997)
        train_x, train_y = adding(a.train, rng)
        val_x, val_y = adding(a.val, rng)
    else:
        train_x, train_y, val_x, val_y = fashion(a)
    regression = a.workload == "adding-problem"

    net = model(a.workload)
    opt = torch.optim.SGD(net.parameters(), lr=a.lr, momentum=a.momentum)
    loss_fn = nn.MSELoss() if regression else nn.CrossEntropyLoss()
    n = len(train_x)
    for epoch in range(1, a.epochs + 1):
        start = time.perf_counter()
        net.train()
        perm = torch.randperm(n)
        for i in range(0, n, a.batch):
            idx_b = perm[i:i + a.batch]
            opt.zero_grad()
            loss = loss_fn(net(train_x[idx_b]), train_y[idx_b])
            loss.backward()
            opt.step()
            loss.item()  # ours reads every batch loss too (divergence check)
        net.eval()
        correct, sse = 0, 0.0
        with torch.inference_mode():
            for i in range(0, len(val_x), 1024):
                out = net(val_x[i:i + 1024])
                if regression:
                    sse += ((out - val_y[i:i + 1024]) ** 2).sum().item()
                else:
                    correct += (out.argmax(1) == val_y[i:i + 1024]).sum().item()
        seconds = time.perf_counter() - start
        # For regression the "accuracy" is R², as HyperSearch reports it.
        metric = 1 - sse / ((val_y - val_y.mean()) ** 2).sum().item() if regression else correct / len(val_x)
        print(json.dumps({"epoch": epoch, "seconds": seconds, "valAccuracy": metric}), flush=True)


def blas_library():
    """The real path of the libblas the process loaded, from its memory map."""
    with open("/proc/self/maps") as f:
        paths = {line.split()[-1] for line in f if "blas" in line.split()[-1] if "/" in line}
    return ", ".join(sorted(paths)) or "none"


def fashion(a):
    images = (idx(f"{a.data}/train-images-idx3-ubyte.gz").reshape(-1, 784).astype(np.float32) / 255 - MEAN) / STD
    labels = idx(f"{a.data}/train-labels-idx1-ubyte.gz").astype(np.int64)
    order = np.random.RandomState(20240601).permutation(len(images))
    val_x, val_y = torch.from_numpy(images[order[:a.val]]), torch.from_numpy(labels[order[:a.val]])
    tr = order[a.val:a.val + a.train]
    return torch.from_numpy(images[tr]), torch.from_numpy(labels[tr]), val_x, val_y


if __name__ == "__main__":
    main()
