import math

import torch
from torch import nn

torch.manual_seed(0)
loss_fn = nn.CrossEntropyLoss()

# All-zero logits: softmax gives every class the same probability 1/C
for num_classes in (2, 10, 1000):
    logits = torch.zeros(8, num_classes)
    targets = torch.randint(0, num_classes, (8,))  # any targets give the same loss
    loss = loss_fn(logits, targets)
    print(f"C={num_classes:>4}: loss {loss.item():.4f}, log(C) = {math.log(num_classes):.4f}")
