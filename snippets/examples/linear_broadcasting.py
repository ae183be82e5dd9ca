import torch
from torch import nn

torch.manual_seed(0)

# %%
# nn.Linear(4, 5) only cares about the last dimension: (*, 4) -> (*, 5)
layer = nn.Linear(4, 5)
print(
    f"weight {tuple(layer.weight.shape)} = (out_features, in_features), "
    f"bias {tuple(layer.bias.shape)}"
)

x = torch.rand(2, 3, 4)
y = layer(x)
print(f"input {tuple(x.shape)} -> output {tuple(y.shape)}")

# %%
# What it computes: y = x @ W.T + b, with b broadcast over the leading dimensions
manual = x @ layer.weight.T + layer.bias
print(f"layer(x) == x @ W.T + b: {torch.allclose(y, manual)}")

# The same as treating the 2 * 3 = 6 vectors as one batch
flat = layer(x.reshape(6, 4)).reshape(2, 3, 5)
print(f"same as a batch of 6: {torch.allclose(y, flat)}")

# %%
# So a model built for one feature works for any number of leading dimensions
model = nn.Sequential(nn.Linear(1, 32), nn.Sigmoid(), nn.Linear(32, 1))
for shape in [(1,), (5, 1), (3, 5, 1)]:
    print(f"model input {str(shape):<10} -> output {tuple(model(torch.rand(shape)).shape)}")
