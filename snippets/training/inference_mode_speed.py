import time

import torch
from torch import nn

# output varies: timings depend on the machine and its load
torch.manual_seed(0)

model = nn.Sequential(*[nn.Linear(16, 16) for _ in range(8)])
x = torch.randn(4, 16)
grid = torch.randn(64, 64)  # needs no grad: no graph to skip, only bookkeeping


def forward_passes():
    for _ in range(50):
        model(x)


def many_views():  # slicing, transposing, reshaping: no arithmetic at all
    for i in range(50):
        grid[i].view(8, 8).t().unsqueeze(0)[0, 1:]


def fastest(work, mode, rounds=20):
    best = float("inf")
    for _ in range(rounds):  # keep the fastest round: less noise from other programs
        start = time.perf_counter()
        with mode():
            work()
        best = min(best, time.perf_counter() - start)
    return best


print("timings depend on the machine; compare the columns, not the numbers")
for name, work in [("50 forward passes", forward_passes), ("50 x 4 view ops", many_views)]:
    modes = {
        "grad on": torch.enable_grad,
        "no_grad": torch.no_grad,
        "inference_mode": torch.inference_mode,
    }
    t = {label: fastest(work, mode) for label, mode in modes.items()}
    row = "  ".join(f"{k} {v * 1e3:.2f} ms" for k, v in t.items())
    print(f"{name}: {row}")
    print(f"  no_grad / inference_mode = {t['no_grad'] / t['inference_mode']:.2f}")
