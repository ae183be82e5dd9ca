import time

import torch
from torch import nn

# output varies: timings depend on the machine and its load
torch.manual_seed(0)

device = (
    torch.accelerator.current_accelerator()
    if torch.accelerator.is_available()
    else torch.device("cpu")
)

model = nn.Linear(32, 32).to(device)
data = torch.randn(4096, 32, device=device)


def sync():
    if torch.accelerator.is_available():
        torch.accelerator.synchronize()  # GPU work is asynchronous: wait for it


def seconds_for(batch_size):
    # The same 4096 samples, cut into batches; best of 5 runs
    best = float("inf")
    with torch.no_grad():
        for _ in range(5):
            sync()
            start = time.perf_counter()
            for i in range(0, len(data), batch_size):
                model(data[i : i + batch_size])
            sync()
            best = min(best, time.perf_counter() - start)
    return best


times = {bs: seconds_for(bs) for bs in [1, 16, 256, 4096]}
for bs, t in times.items():
    calls = len(data) // bs
    print(f"batch {bs:>4}: {calls:>4} calls, {times[1] / t:6.1f}x batch 1's speed")
