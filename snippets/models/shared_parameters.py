import torch
from torch import nn

linear = nn.Linear(1, 1, bias=False)
nn.init.constant_(linear.weight, 3.0)
net = nn.Sequential(linear, linear)  # the same module twice
print(net)
print(f"net[0] is net[1]: {net[0] is net[1]}")
print(f"parameter tensors: {len(list(net.parameters()))}")

x = torch.ones(1, 1)
y = net(x).sum()  # y = w * (w * x) = w**2 = 9
print(f"y = {y.item()}")
y.backward()
print(f"grad of the shared weight: {net[0].weight.grad}")  # dy/dw = 2w = 6
