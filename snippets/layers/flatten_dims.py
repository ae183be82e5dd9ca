from collections import OrderedDict

import torch
from torch import nn

torch.manual_seed(0)

x = torch.randn(32, 1, 5, 5)
print(f"nn.Flatten():      {nn.Flatten()(x).shape}")  # start_dim=1: keep the batch
print(f"nn.Flatten(0, 2):  {nn.Flatten(0, 2)(x).shape}")  # keep the last dim
print(f"nn.Flatten(0, -1): {nn.Flatten(0, -1)(x).shape}")  # everything
print(f"x.view(32, -1):    {x.view(x.shape[0], -1).shape}")  # the hand-written way
# torch.flatten's default start_dim is 0, unlike nn.Flatten's 1
print(f"torch.flatten(x):  {torch.flatten(x).shape}")


# The notes' hand-written FlattenLayer (from older Dive into Deep Learning code)
class FlattenLayer(nn.Module):
    def forward(self, x):  # x: (batch, *, *, ...)
        return x.view(x.shape[0], -1)  # join all features into one dimension


print(
    f"FlattenLayer():    {FlattenLayer()(x).shape}, "
    f"same values as nn.Flatten(): {torch.equal(FlattenLayer()(x), nn.Flatten()(x))}"
)

# ...used as in the notes: a softmax-regression net with named layers
num_inputs, num_outputs = 25, 10
net = nn.Sequential(
    OrderedDict(
        [
            ("flatten", FlattenLayer()),
            ("linear", nn.Linear(num_inputs, num_outputs)),
        ]
    )
)
print(net)
print(f"net(x): {net(x).shape}")

# view needs a compatible memory layout; nn.Flatten (reshape) copes with any
xt = x.transpose(2, 3)  # not contiguous any more
try:
    FlattenLayer()(xt)
except RuntimeError as e:
    print(f"FlattenLayer on a transposed tensor -> RuntimeError: {e}")
print(f"nn.Flatten on it: {nn.Flatten()(xt).shape}")
