import torch
from torch import nn

# A dtype change stands in for a device change here: .to() treats both the same way
model = nn.Linear(2, 1)
x = torch.zeros(3, 2)

x.to(torch.float64)  # a tensor: returns a new one, and the result is thrown away
model.to(torch.float64)  # a module: converted in place
print(f"x: {x.dtype}, model: {model.weight.dtype}")

try:
    model(x)
except RuntimeError as e:
    print(f"RuntimeError: {e}")

x = x.to(torch.float64)  # keep the result
print(f"after x = x.to(...): output {model(x).dtype}")
