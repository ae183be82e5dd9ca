import torch
import torch.nn.functional as F
from torch import nn

# Step 4: the loss. Classification: raw scores (logits) and class indices
logits = torch.tensor([[2.0, 0.5, -1.0], [0.1, 0.2, 3.0]])  # 2 samples, 3 classes
target = torch.tensor([0, 2])  # int64 class indices

loss_fn = nn.CrossEntropyLoss()
print(f"CrossEntropyLoss:             {loss_fn(logits, target).item():.4f}")

# NLLLoss expects log-probabilities, so it needs log_softmax first
nll = nn.NLLLoss()
log_probs = F.log_softmax(logits, dim=1)
print(f"NLLLoss(log_softmax(logits)): {nll(log_probs, target).item():.4f}")
print(f"NLLLoss(logits), wrong input: {nll(logits, target).item():.4f}")

# Regression: real-valued predictions and targets of the same shape
pred = torch.tensor([2.5, 0.0, 2.0])
truth = torch.tensor([3.0, -0.5, 2.0])
print(f"MSELoss: {nn.MSELoss()(pred, truth).item():.4f}")  # mean of squared errors
