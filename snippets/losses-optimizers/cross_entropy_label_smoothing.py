import torch
import torch.nn.functional as F
from torch import nn

torch.manual_seed(0)

logits = torch.randn(3, 5)
target = torch.tensor([4, 3, 1])
eps, C = 0.1, 5

module = nn.CrossEntropyLoss(label_smoothing=eps)(logits, target)

# The hard target is mixed with a uniform distribution over the C classes
smooth = (1 - eps) * F.one_hot(target, C).float() + eps / C
print(f"smoothed target for sample 0: {smooth[0]}")
by_hand = -(smooth * logits.log_softmax(dim=1)).sum(dim=1).mean()

print(f"label_smoothing=0.1 module: {module:.4f}   by hand: {by_hand:.4f}")
print(f"label_smoothing=0.0 module: {nn.CrossEntropyLoss()(logits, target):.4f}")
