import torch
from torch import nn

model = nn.Sequential(
    nn.Flatten(),
    nn.Linear(28 * 28, 512),
    nn.ReLU(),
    nn.Linear(512, 10),
)
batch = 4

output = model(torch.ones(batch, 1, 28, 28))
print(f"output.shape: {output.shape}")  # an attribute, not a method
try:
    output.shape()
except TypeError as e:
    print(f"TypeError: {e}")

# A wrong input size fails at once, with both shapes in the message
try:
    model(torch.ones(batch, 1, 32, 32))
except RuntimeError as e:
    print(f"RuntimeError: {e}")
