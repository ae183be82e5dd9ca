import torch
from torch import nn

torch.manual_seed(0)
model = nn.Sequential(
    nn.Linear(1, 32),  # takes (*, 1)
    nn.Sigmoid(),
    nn.Linear(32, 1),  # gives (*, 1)
)
for shape in [(1,), (5, 1), (3, 5, 1)]:
    y = model(torch.rand(shape))
    print(f"input {shape} -> output {tuple(y.shape)}")

# Linear computes y = x @ W.T + b on the last dimension
layer = model[0]
x = torch.rand(3, 5, 1)
manual = x @ layer.weight.T + layer.bias
print(f"W shape {tuple(layer.weight.shape)}, b shape {tuple(layer.bias.shape)}")
print(f"layer(x) == x @ W.T + b: {torch.allclose(layer(x), manual)}")
