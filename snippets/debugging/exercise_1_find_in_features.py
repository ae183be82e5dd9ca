import torch
from torch import nn

torch.manual_seed(0)

# The convolutional part of a small CNN for 28x28 grey images (Fashion-MNIST)
features = nn.Sequential(
    nn.Conv2d(1, 8, kernel_size=3),
    nn.ReLU(),
    nn.MaxPool2d(2),
    nn.Conv2d(8, 16, kernel_size=3),
    nn.ReLU(),
    nn.MaxPool2d(2),
)

# How many features reach the classifier? Ask a dummy input instead of computing by hand
out = features(torch.zeros(1, 1, 28, 28))
in_features = out.flatten(1).shape[1]
print(f"after features: {tuple(out.shape)} -> flattened: {in_features}")

model = nn.Sequential(features, nn.Flatten(), nn.Linear(in_features, 10))
print(f"whole model, batch of 2: {tuple(model(torch.zeros(2, 1, 28, 28)).shape)}")
