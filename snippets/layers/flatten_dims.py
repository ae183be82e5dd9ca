import torch
from torch import nn

x = torch.randn(32, 1, 5, 5)
print(f"nn.Flatten():      {nn.Flatten()(x).shape}")  # start_dim=1: keep the batch
print(f"nn.Flatten(0, 2):  {nn.Flatten(0, 2)(x).shape}")  # keep the last dim
print(f"nn.Flatten(0, -1): {nn.Flatten(0, -1)(x).shape}")  # everything
print(f"x.view(32, -1):    {x.view(x.shape[0], -1).shape}")  # the hand-written way
# torch.flatten's default start_dim is 0, unlike nn.Flatten's 1
print(f"torch.flatten(x):  {torch.flatten(x).shape}")
