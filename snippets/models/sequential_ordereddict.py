from collections import OrderedDict

import torch
from torch import nn

torch.manual_seed(0)
net = nn.Sequential(
    OrderedDict(
        [
            ("flatten", nn.Flatten()),
            ("linear", nn.Linear(4, 2)),
        ]
    )
)
print(net)
print(f"by key: {net.linear}")
print(f"by index: {net[1]}")
print(f"parameter names: {[name for name, _ in net.named_parameters()]}")
print(f"output shape: {net(torch.rand(3, 2, 2)).shape}")
