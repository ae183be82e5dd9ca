import torch
from torch import nn

torch.manual_seed(0)

# LeNet-5 for 32x32 grey images, written as one Sequential
model = nn.Sequential(
    nn.Conv2d(1, 6, kernel_size=5),
    nn.ReLU(),
    nn.MaxPool2d(2),
    nn.Conv2d(6, 16, kernel_size=5),
    nn.ReLU(),
    nn.MaxPool2d(2),
    nn.Flatten(),
    nn.Linear(16 * 5 * 5, 120),
    nn.ReLU(),
    nn.Linear(120, 84),
    nn.ReLU(),
    nn.Linear(84, 10),
)

# Feed a dummy batch through one layer at a time and watch the shape
x = torch.zeros(1, 1, 32, 32)
print(f"{'':>2} {'input':<10} {tuple(x.shape)}")
for index, layer in enumerate(model):
    x = layer(x)
    print(f"{index:>2} {type(layer).__name__:<10} {tuple(x.shape)}")
