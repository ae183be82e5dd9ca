import torch
import torch.nn.functional as F
from torch import nn

torch.manual_seed(0)

logits = torch.randn(3, 5)
# Target as class probabilities: same shape as the input, rows sum to 1
target = torch.randn(3, 5).softmax(dim=1)
print(f"target rows sum to: {target.sum(dim=1)}")

ce = nn.CrossEntropyLoss()(logits, target)
by_hand = -(target * logits.log_softmax(dim=1)).sum(dim=1).mean()
print(f"CrossEntropyLoss: {ce:.4f}   by hand: {by_hand:.4f}")

# One-hot probabilities give exactly the class-index loss
labels = torch.tensor([4, 3, 1])
one_hot = F.one_hot(labels, num_classes=5).float()
print(
    f"indices: {nn.CrossEntropyLoss()(logits, labels):.4f}   "
    f"one-hot: {nn.CrossEntropyLoss()(logits, one_hot):.4f}"
)

# weight with probabilities: weights each class term, 'mean' divides by N
w = torch.tensor([1.0, 2.0, 3.0, 4.0, 5.0])
module = nn.CrossEntropyLoss(weight=w)(logits, target)
by_hand = -(w * target * logits.log_softmax(dim=1)).sum(dim=1).mean()
print(f"with weight: {module:.4f}   by hand: {by_hand:.4f}")

# ignore_index only makes sense for class indices
try:
    nn.CrossEntropyLoss(ignore_index=1)(logits, target)
except RuntimeError as e:
    print(f"ignore_index with probabilities -> RuntimeError: {e}")
