import os
import tempfile

import torch
from torch import nn

torch.manual_seed(0)


def make_model():
    return nn.Sequential(nn.Linear(4, 8), nn.ReLU(), nn.Linear(8, 2))


model = make_model()
x = torch.randn(3, 4)

with tempfile.TemporaryDirectory() as tmp:
    path = os.path.join(tmp, "model.pt")
    torch.save(model.state_dict(), path)

    restored = make_model()  # new random weights...
    print(f"before loading, same output: {torch.equal(restored(x), model(x))}")
    print(restored.load_state_dict(torch.load(path, weights_only=True)))  # ...replaced
    print(f"after loading, same output: {torch.equal(restored(x), model(x))}")
    print(f"keys: {list(torch.load(path, weights_only=True))}")
