import torch
from torch import nn

y_hat = torch.tensor([[0.5, 2.0, -1.0], [3.0, 0.0, 1.5]])  # prediction
y = torch.tensor([[1.0, 2.0, 1.0], [2.0, -1.0, 1.0]])  # target
abs_err = (y_hat - y).abs()

# mean / sum give one number
for reduction, by_hand in [("mean", abs_err.mean()), ("sum", abs_err.sum())]:
    module = nn.L1Loss(reduction=reduction)(y_hat, y)
    print(f"{reduction!r:7} nn.L1Loss: {module:.4f}   by hand: {by_hand:.4f}")

# 'none' keeps one loss per element, same shape as the input
print(f"'none'  nn.L1Loss:\n{nn.L1Loss(reduction='none')(y_hat, y)}")
print(f"'none'  by hand:\n{abs_err}")

# 'sum' is the L1 norm of the difference
print(f"L1 norm of y_hat - y: {torch.linalg.vector_norm(y_hat - y, ord=1):.4f}")
