import torch
from torch import nn

torch.manual_seed(0)

logits = torch.randn(3, 5)  # [batch, classes]: raw scores, no softmax
target = torch.tensor([4, 3, 1])  # one class index per sample

ce = nn.CrossEntropyLoss()(logits, target)
log_probs = nn.LogSoftmax(dim=1)(logits)
nll = nn.NLLLoss()(log_probs, target)
by_hand = -log_probs[torch.arange(3), target].mean()  # -log p[target], averaged

print(f"CrossEntropyLoss:      {ce:.4f}")
print(f"LogSoftmax + NLLLoss:  {nll:.4f}")
print(f"by hand:               {by_hand:.4f}")

# A softmax before the loss is applied twice -> a different (wrong) loss
probs = logits.softmax(dim=1)
print(f"softmax first (wrong): {nn.CrossEntropyLoss()(probs, target):.4f}")

# Shapes: reduction='none' gives one loss per sample
per_sample = nn.CrossEntropyLoss(reduction="none")(logits, target)
print(f"reduction='none': {per_sample}, shape {tuple(per_sample.shape)}")

# Unbatched: input [C] with a 0-dim target
x0, t0 = logits[0], target[0]
one = nn.CrossEntropyLoss()(x0, t0)
print(f"unbatched input {tuple(x0.shape)}, target {tuple(t0.shape)}: {one:.4f}")
