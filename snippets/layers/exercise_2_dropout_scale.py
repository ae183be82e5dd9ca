import torch
from torch import nn

torch.manual_seed(0)
drop = nn.Dropout(p=0.25)
x = torch.ones(1000)

y = drop(x)  # a new module is in training mode
print(f"values in training mode: {[round(v, 4) for v in torch.unique(y).tolist()]}")
print(f"entries set to 0: {(y == 0).sum().item()} of {x.numel()}")
print(f"mean: {y.mean().item():.4f} (the input's mean is 1)")

drop.eval()
print(f"evaluation mode returns the input: {torch.equal(drop(x), x)}")
