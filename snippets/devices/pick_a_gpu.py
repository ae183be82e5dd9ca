import torch

# Device objects can be built anywhere; only using them needs the GPU
for spec in ["cuda", "cuda:0", "cuda:1"]:
    d = torch.device(spec)
    print(f"torch.device({spec!r}): type {d.type!r}, index {d.index}")

n = torch.cuda.device_count()
print(f"CUDA devices visible: {n}")

if n > 0:
    # "cuda" without an index means the current device, normally cuda:0
    print(f"current CUDA device: cuda:{torch.cuda.current_device()}")
    x = torch.tensor([1, 2, 3]).cuda(0)  # same as .to("cuda:0")
    print(f"x: {x}")
    # Take the second GPU only if there is one
    second = torch.device("cuda:1" if n > 1 else "cuda:0")
    print(f"second model would go to: {second}")
else:
    print("no CUDA here: .cuda(0) and .to('cuda:1') would raise")
