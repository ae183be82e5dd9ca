import torch
from torch import nn

torch.manual_seed(0)
x = torch.rand(1, 3, 224, 224)

# The first layers of a ResNet: predict each output shape first
layers = [
    nn.Conv2d(3, 64, kernel_size=7, stride=2, padding=3),
    nn.MaxPool2d(kernel_size=3, stride=2, padding=1),
    nn.Conv2d(64, 64, kernel_size=3, padding=1),
    nn.Conv2d(64, 128, kernel_size=3, stride=2, padding=1),
]
for layer in layers:
    x = layer(x)
    n_params = sum(p.numel() for p in layer.parameters())
    print(f"{type(layer).__name__:9} -> {tuple(x.shape)}, {n_params} parameters")
