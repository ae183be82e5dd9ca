import torch
from torch import nn

torch.manual_seed(0)
linear = nn.Linear(4, 3)

try:
    linear.weight.uniform_(-10, 10)  # in-place change of a leaf that requires grad
except RuntimeError as e:
    print(f"RuntimeError: {e}")

# Custom init: do it under no_grad so autograd doesn't record it
with torch.no_grad():
    linear.weight.uniform_(-10, 10)
    linear.weight *= linear.weight.abs() >= 5  # keep only |w| >= 5
print(linear.weight)
print(f"still a trainable leaf: {linear.weight.requires_grad}, {linear.weight.is_leaf}")
