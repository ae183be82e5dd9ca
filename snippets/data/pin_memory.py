import time

import torch
from torch.utils.data import DataLoader, TensorDataset

# output varies: copy timings, when an accelerator is present
device = torch.accelerator.current_accelerator() if torch.accelerator.is_available() else torch.device("cpu")
dataset = TensorDataset(torch.randn(8, 3))

# Page-locked host memory only helps when batches go to an accelerator
loader = DataLoader(dataset, batch_size=4, pin_memory=torch.accelerator.is_available())
(x,) = next(iter(loader))
print(f"device: {device.type}, batch pinned: {x.is_pinned()}")
x = x.to(device, non_blocking=True)  # asynchronous copy from pinned memory
print(f"batch now on: {x.device.type}")


def copy_seconds(src, reps=5):
    best = float("inf")
    for _ in range(reps):  # keep the fastest of a few copies
        torch.accelerator.synchronize()
        start = time.perf_counter()
        src.to(device, non_blocking=True)
        torch.accelerator.synchronize()  # wait until the copy has really finished
        best = min(best, time.perf_counter() - start)
    return best


# Is pinned memory really faster? Time a 64 MiB copy from each kind of host memory
if not torch.accelerator.is_available():
    print("no accelerator: there is no device to copy to, so pinned memory was not timed")
else:
    pageable = torch.randn(16 * 1024 * 1024)  # 16 Mi float32 values = 64 MiB
    try:
        pinned = pageable.pin_memory()
    except RuntimeError as e:  # not every backend can pin host memory
        print(f"cannot pin memory for {device.type}, not timed: {e}")
    else:
        copy_seconds(pageable)  # warm-up: the first copy also sets up the device
        gigabytes = pageable.numel() * pageable.element_size() / 1e9
        print(f"copy 64 MiB to {device.type} (timings depend on the machine):")
        for name, src in [("pageable", pageable), ("pinned", pinned)]:
            seconds = copy_seconds(src)
            print(f"  from {name:8} memory: {seconds * 1e3:6.2f} ms, {gigabytes / seconds:5.1f} GB/s")
