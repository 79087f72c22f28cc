#!/usr/bin/python3
"""The PyTorch 1.13 side of the step profile: the phases of one SGD step (momentum 0.9, lr 0.05) of
the baseline's fashion-mlp, timed over a whole epoch after a warm-up epoch, as StepProfile times ours.
Setup is the batch gather (the baseline indexes a random permutation per batch).
Usage: OPENBLAS_NUM_THREADS=1 /usr/bin/python3 scripts/bench/trainer/step_profile.py [batch] [threads]
(run through scripts/bench/trainer/profile.sh, which prints both and checks the BLAS)."""
import os, sys, time

import torch
from torch import nn

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from pytorch_baseline import blas_library, fashion  # noqa: E402


class Args:
    data = "/usr/share/datasets/fashion-mnist"
    train, val = 12000, 3000


def main():
    batch = int(sys.argv[1]) if len(sys.argv) > 1 else 32
    threads = int(sys.argv[2]) if len(sys.argv) > 2 else 1
    torch.set_num_threads(threads)
    torch.manual_seed(1)
    train_x, train_y, val_x, val_y = fashion(Args)
    net = nn.Sequential(nn.Linear(784, 256), nn.ReLU(), nn.Linear(256, 10))
    opt = torch.optim.SGD(net.parameters(), lr=0.05, momentum=0.9)
    loss_fn = nn.CrossEntropyLoss()
    phases = ["Setup", "ZeroGrad", "Forward", "Loss", "Backward", "OptimizerStep", "ReadLoss"]
    totals = dict.fromkeys(phases, 0.0)
    n, steps = len(train_x), 0
    for epoch in range(2):
        perm = torch.randperm(n)
        for i in range(0, n, batch):
            t0 = time.perf_counter()
            idx = perm[i:i + batch]
            x, y = train_x[idx], train_y[idx]
            t1 = time.perf_counter()
            opt.zero_grad()
            t2 = time.perf_counter()
            out = net(x)
            t3 = time.perf_counter()
            loss = loss_fn(out, y)
            t4 = time.perf_counter()
            loss.backward()
            t5 = time.perf_counter()
            opt.step()
            t6 = time.perf_counter()
            loss.item()
            t7 = time.perf_counter()
            if epoch == 1:
                steps += 1
                for name, a, b in zip(phases, (t0, t1, t2, t3, t4, t5, t6), (t1, t2, t3, t4, t5, t6, t7)):
                    totals[name] += b - a
    print(f"PyTorch {torch.__version__}, fashion-mlp batch {batch}, {threads} thread(s), BLAS {blas_library()}, "
          f"load average {os.getloadavg()[0]:.2f}")
    print("| phase | µs per step |\n|---|---|")
    for name in phases:
        print(f"| {name} | {totals[name] / steps * 1e6:.1f} |")
    print(f"| **step** | **{sum(totals.values()) / steps * 1e6:.1f}** |")


if __name__ == "__main__":
    main()
