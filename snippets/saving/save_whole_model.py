import os
import pickle
import tempfile
import textwrap

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


with tempfile.TemporaryDirectory() as tmp:
    path = os.path.join(tmp, "mymodel.pth")
    torch.save(MyModel(), path)  # pickles the whole object, class reference included
    state_path = os.path.join(tmp, "mymodel_state.pth")
    torch.save(MyModel().state_dict(), state_path)
    print(f"whole model: {os.path.getsize(path)} bytes")
    print(f"state_dict:  {os.path.getsize(state_path)} bytes")

    try:
        torch.load(path)  # since torch 2.6 this means weights_only=True
    except pickle.UnpicklingError as e:
        msg = str(e)
        reason = next(line for line in msg.splitlines() if "WeightsUnpickler" in line)
        print(f"UnpicklingError: {msg.split('.')[0]}")
        print(textwrap.fill(reason.strip(), width=80))

    # Only for files you trust: unpickling can run arbitrary code
    model = torch.load(path, weights_only=False)
    print(model)
