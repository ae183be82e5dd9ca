import torch
from torch import nn

x = torch.tensor([[-1.0, -1.0], [2.0, 2.0]])
softmax_dim1, softmax_dim0 = nn.Softmax(dim=1), nn.Softmax(dim=0)
y1, y0 = softmax_dim1(x), softmax_dim0(x)
print(f"dim=1 (each row sums to 1):\n{y1}")
print(f"dim=0 (each column sums to 1):\n{y0}")
print(f"row sums {y1.sum(dim=1)}, column sums {y0.sum(dim=0)}")

# A missing entry can be passed as -inf: its probability becomes exactly 0
sparse = torch.tensor([1.0, 2.0, -float("inf")])
print(f"softmax([1, 2, -inf]) = {torch.softmax(sparse, dim=0)}")
