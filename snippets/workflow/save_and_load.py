import os
import tempfile

import torch
from torch import nn

torch.manual_seed(0)


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.layers = nn.Sequential(nn.Linear(2, 16), nn.ReLU(), nn.Linear(16, 3))

    def forward(self, x):
        return self.layers(x)


model = Net()  # stands in for a trained model

# Step 9: the state_dict maps each parameter's name to its tensor
for name, tensor in model.state_dict().items():
    print(f"{name:17} {tuple(tensor.shape)}")

with tempfile.TemporaryDirectory() as tmp:
    path = os.path.join(tmp, "model_weights.pth")
    torch.save(model.state_dict(), path)
    print(f"saved: {os.listdir(tmp)}")

    # Loading: build the same architecture first, then copy the weights in
    restored = Net()
    state = torch.load(path, weights_only=True)  # only tensors, no arbitrary code
    print(restored.load_state_dict(state))

restored.eval()  # switch to inference mode before predicting
x = torch.randn(5, 2)
print(f"same predictions: {torch.equal(model(x), restored(x))}")
