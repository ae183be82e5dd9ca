import torch
from torch import nn

logits = torch.tensor([[2.0, 1.0, 0.0], [0.0, 0.0, 0.0]])  # 2 samples, 3 classes
probs = nn.Softmax(dim=1)(logits)  # normalize within each sample (row)
print(f"probabilities:\n{probs}")
print(f"sum of each row: {probs.sum(dim=1)}")
print(f"predicted classes: {probs.argmax(dim=1)}")

# Rule out class 0 for the first sample: a logit of -inf gets probability exactly 0
masked = logits.clone()
masked[0, 0] = -float("inf")
print(f"first sample with class 0 masked: {nn.Softmax(dim=1)(masked)[0]}")
