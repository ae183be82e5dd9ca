import torch
from torch import nn

linear = nn.Linear(1, 1, bias=False)
nn.init.constant_(linear.weight, 2.0)
net = nn.Sequential(linear, linear, linear)  # one weight w, used three times

x = torch.ones(1, 1)
y = net(x).sum()  # y = w * w * w * x = w**3
print(f"parameter tensors: {len(list(net.parameters()))}")
print(f"y = {y.item()}")
y.backward()
print(f"grad of the shared weight: {linear.weight.grad.item()}")  # 3 * w**2 = 12
