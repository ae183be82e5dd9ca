import torch
from torch import nn

torch.manual_seed(0)

model = nn.Sequential(nn.Linear(100, 256), nn.ReLU(), nn.Linear(256, 10))
x = torch.randn(512, 100)

saved_bytes = 0


def pack(t):  # called for every tensor autograd keeps for the backward pass
    global saved_bytes
    saved_bytes += t.numel() * t.element_size()
    return t


def unpack(t):
    return t


with torch.autograd.graph.saved_tensors_hooks(pack, unpack):
    out = model(x)
    print(f"grad mode: forward kept {saved_bytes / 1024:.0f} KiB for backward")
    del out  # the graph (and what it saved) is freed with its output

    saved_bytes = 0
    with torch.no_grad():
        out = model(x)
    print(f"no_grad:   forward kept {saved_bytes / 1024:.0f} KiB for backward")
