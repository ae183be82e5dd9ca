import os
import tempfile

import torch
from torch import nn

torch.manual_seed(0)


def make_model(hidden):
    return nn.Sequential(nn.Linear(4, hidden), nn.ReLU(), nn.Linear(hidden, 2))


with tempfile.TemporaryDirectory() as tmp:
    path = os.path.join(tmp, "model.pt")
    torch.save(make_model(hidden=8).state_dict(), path)

    other = make_model(hidden=16)  # the same keys, other shapes
    try:
        other.load_state_dict(torch.load(path, weights_only=True))
    except RuntimeError as e:
        print(f"RuntimeError: {e}")
