import os
import tempfile

import torch
from torch import nn

torch.manual_seed(0)


class MyModel(nn.Module):
    def __init__(self):
        super().__init__()
        self.linear = nn.Linear(4, 2)
        self.sigmoid = nn.Sigmoid()

    def forward(self, x):
        return self.sigmoid(self.linear(x))


x = torch.ones(1, 4)
model = MyModel()

with tempfile.TemporaryDirectory() as tmp:
    path = os.path.join(tmp, "mymodel_state.pth")
    torch.save(model.state_dict(), path)  # parameters only

    # To load: build the architecture in code, then fill in the weights
    restored = MyModel()
    try:
        restored.load_state_dict(path)  # a path is not a state_dict
    except TypeError as e:
        print(f"TypeError: {e}")
    state = torch.load(path, weights_only=True)  # first read the dict of tensors...
    print(f"loaded {type(state).__name__} with keys {list(state)}")
    print(restored.load_state_dict(state))  # ...then copy it into the model

print(f"same output: {torch.equal(model(x), restored(x))}")
