import torch
from torch import nn

torch.manual_seed(0)
m = nn.Linear(20, 30)  # in_features=20, out_features=30
print(m)
print(f"weight: {tuple(m.weight.shape)}  (out_features, in_features)")
print(f"bias:   {tuple(m.bias.shape)}  (out_features,)")

x = torch.randn(128, 20)
output = m(x)
print(f"output: {output.size()}")
print(f"equals x @ W.T + b: {torch.allclose(output, x @ m.weight.T + m.bias)}")
print(f"bias=False -> bias is {nn.Linear(20, 30, bias=False).bias}")
# Factory kwargs: create the parameters directly with another dtype (or device)
m64 = nn.Linear(20, 30, dtype=torch.float64)
print(f"dtype=torch.float64 -> weight dtype {m64.weight.dtype}")
