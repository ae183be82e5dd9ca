import torch
from torch import nn

pred = torch.tensor([2.5, 0.0, 2.0, 8.0])
target = torch.tensor([3.0, -0.5, 2.0, 7.0])

# The modules, with the default reduction='mean' and with 'sum'
print(f"L1Loss  mean: {nn.L1Loss()(pred, target):.4f}")
print(f"L1Loss  sum:  {nn.L1Loss(reduction='sum')(pred, target):.4f}")
print(f"MSELoss mean: {nn.MSELoss()(pred, target):.4f}")
print(f"MSELoss sum:  {nn.MSELoss(reduction='sum')(pred, target):.4f}")

# The same by hand, from the element-wise errors
diff = pred - target
print(f"by hand: L1 mean {diff.abs().mean():.4f}, L1 sum {diff.abs().sum():.4f}")
print(f"by hand: MSE mean {(diff**2).mean():.4f}, MSE sum {(diff**2).sum():.4f}")
