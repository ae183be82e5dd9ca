import torch
from torch import nn

torch.manual_seed(0)

logits = torch.randn(4, 3)
target = torch.tensor([0, 2, 1, 2])
nll = -logits.log_softmax(dim=1)[torch.arange(4), target]  # per-sample loss
print(f"per-sample loss: {nll}")

# weight: one factor per class; 'mean' divides by the sum of the weights used
weight = torch.tensor([1.0, 2.0, 0.5])
w = weight[target]  # weight of each sample's class
module = nn.CrossEntropyLoss(weight=weight)(logits, target)
print(f"weight       module: {module:.4f}   by hand: {(w * nll).sum() / w.sum():.4f}")

# ignore_index: those samples count neither in the sum nor in the divisor
module = nn.CrossEntropyLoss(ignore_index=2)(logits, target)
keep = target != 2
print(f"ignore_index module: {module:.4f}   by hand: {nll[keep].mean():.4f}")

# The default ignore_index is -100: handy for padding labels
padded = torch.tensor([0, 2, -100, -100])
module = nn.CrossEntropyLoss()(logits, padded)
print(f"label -100   module: {module:.4f}   by hand: {nll[:2].mean():.4f}")
