#!/usr/bin/python3
"""PyTorch 1.13 baseline for the trainer benchmark: the same model, data sizes, batch size,
optimizer, thread count and per-epoch work (train + validation) as `hypersearch trial run`.
Prints one JSON line per epoch: {"epoch", "seconds", "valAccuracy"}."""
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


def model(kind):
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
    images = (idx(f"{a.data}/train-images-idx3-ubyte.gz").reshape(-1, 784).astype(np.float32) / 255 - MEAN) / STD
    labels = idx(f"{a.data}/train-labels-idx1-ubyte.gz").astype(np.int64)
    order = np.random.RandomState(20240601).permutation(len(images))
    val_x, val_y = torch.from_numpy(images[order[:a.val]]), torch.from_numpy(labels[order[:a.val]])
    tr = order[a.val:a.val + a.train]
    train_x, train_y = torch.from_numpy(images[tr]), torch.from_numpy(labels[tr])

    net = model(a.workload)
    opt = torch.optim.SGD(net.parameters(), lr=a.lr, momentum=a.momentum)
    loss_fn = nn.CrossEntropyLoss()
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
        correct = 0
        with torch.inference_mode():
            for i in range(0, len(val_x), 1024):
                correct += (net(val_x[i:i + 1024]).argmax(1) == val_y[i:i + 1024]).sum().item()
        seconds = time.perf_counter() - start
        print(json.dumps({"epoch": epoch, "seconds": seconds, "valAccuracy": correct / len(val_x)}), flush=True)


if __name__ == "__main__":
    main()
