import torch
from torch import nn

torch.manual_seed(0)
model = nn.Sequential(nn.Linear(4, 8), nn.ReLU(), nn.Linear(8, 3))

# Predicted: 4*8 + 8 (first layer) + 8*3 + 3 (second layer) = 67
for name, p in model.named_parameters():
    print(f"{name:9} {tuple(p.shape)} -> {p.numel()} values")
print(f"total: {sum(p.numel() for p in model.parameters())}")

# A dummy batch of 5 samples checks the shapes end to end
print(f"output shape for a (5, 4) input: {tuple(model(torch.rand(5, 4)).shape)}")
