import torch
from torch import nn

torch.manual_seed(0)

model = nn.Sequential(nn.Linear(100, 256), nn.ReLU(), nn.Linear(256, 10))
x = torch.randn(512, 100)

# the input and the parameters are in memory anyway: leave them out
existing = {x.untyped_storage().data_ptr()}
existing |= {p.untyped_storage().data_ptr() for p in model.parameters()}
refs = 0
new = {}  # storage address -> (bytes, shape): a storage saved twice counts once


def pack(t):  # called for every tensor autograd keeps for the backward pass
    global refs
    refs += 1
    storage = t.untyped_storage()
    if storage.data_ptr() not in existing:
        new[storage.data_ptr()] = (storage.nbytes(), tuple(t.shape))
    return t


def unpack(t):
    return t


def report(mode):
    kib = sum(nbytes for nbytes, _ in new.values()) / 1024
    print(f"{mode}: {refs} saved references, {len(new)} new storage(s), {kib:.0f} KiB")
    for nbytes, shape in new.values():
        print(f"  new: shape {shape}, {nbytes / 1024:.0f} KiB")


with torch.autograd.graph.saved_tensors_hooks(pack, unpack):
    out = model(x)
    report("grad mode")
    del out  # the graph (and what it saved) is freed with its output

    refs, new = 0, {}
    with torch.no_grad():
        out = model(x)
    report("no_grad")
