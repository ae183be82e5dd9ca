import torch
import torch.nn.functional as F
from torch import nn

torch.manual_seed(0)
x = torch.randn(1, 4, 5, 5)

# nn.Conv2d is a Module: it creates and owns its weight and bias
layer_nn = nn.Conv2d(4, 8, kernel_size=3, padding=1)
print(f"module parameters: {[n for n, _ in layer_nn.named_parameters()]}")

# F.conv2d is a function: you pass the weight and bias yourself
filters = torch.randn(8, 4, 3, 3)
out_F = F.conv2d(x, filters, padding=1)
print(f"F.conv2d output: {tuple(out_F.shape)}")

# Same computation when given the module's own tensors
out_F2 = F.conv2d(x, layer_nn.weight, layer_nn.bias, padding=1)
same = torch.allclose(layer_nn(x), out_F2)
print(f"nn.Conv2d(x) == F.conv2d(x, weight, bias): {same}")

# Stateless ops have both forms too
print(f"nn.ReLU()(x) == F.relu(x): {torch.equal(nn.ReLU()(x), F.relu(x))}")
