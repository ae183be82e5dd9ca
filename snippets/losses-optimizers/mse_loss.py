import torch
from torch import nn

y_hat = torch.tensor([[0.5, 2.0, -1.0], [3.0, 0.0, 1.5]])  # prediction
y = torch.tensor([[1.0, 2.0, 1.0], [2.0, -1.0, 1.0]])  # target
sq_err = (y_hat - y) ** 2

# mean / sum give one number
for reduction, by_hand in [("mean", sq_err.mean()), ("sum", sq_err.sum())]:
    module = nn.MSELoss(reduction=reduction)(y_hat, y)
    print(f"{reduction!r:7} nn.MSELoss: {module:.4f}   by hand: {by_hand:.4f}")

# 'none' keeps one loss per element
print(f"'none'  nn.MSELoss:\n{nn.MSELoss(reduction='none')(y_hat, y)}")
print(f"'none'  by hand:\n{sq_err}")

# 'sum' is the SQUARED L2 norm, not the L2 norm itself
l2 = torch.linalg.vector_norm(y_hat - y)
print(f"L2 norm of y_hat - y:         {l2:.4f}")
print(f"squared L2 norm of y_hat - y: {l2**2:.4f}")
