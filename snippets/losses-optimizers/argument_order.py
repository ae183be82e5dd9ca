import torch
from torch import nn

torch.manual_seed(0)

pred = torch.randn(4)
target = torch.randn(4)

# L1 and MSE are symmetric, so a swapped call gives the same number...
l1 = nn.L1Loss()
print(f"L1(pred, target) = {l1(pred, target):.4f}")
print(f"L1(target, pred) = {l1(target, pred):.4f}")

# ...but most losses are not: CrossEntropyLoss(input=logits, target=...)
ce = nn.CrossEntropyLoss()
logits = torch.randn(4, 3)
probs = torch.randn(4, 3).softmax(dim=1)  # soft labels
print(f"CE(logits, probs) = {ce(logits, probs):.4f}")
print(f"CE(probs, logits) = {ce(probs, logits):.4f}  <- silently wrong")

labels = torch.tensor([0, 2, 1, 2])
print(f"CE(logits, labels) = {ce(logits, labels):.4f}")
try:
    ce(labels, logits)
except RuntimeError as e:
    print(f"CE(labels, logits) -> RuntimeError: {e}")
