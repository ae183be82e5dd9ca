import torch
from torch import nn

torch.manual_seed(0)


class MyModel(nn.Module):
    def __init__(self, input_size, num_classes):
        super().__init__()
        self.layers = nn.Sequential(
            nn.Linear(input_size, 32), nn.ReLU(), nn.Linear(32, num_classes)
        )

    def forward(self, x):
        return self.layers(x)


batch, input_size = 4, 10
model = MyModel(input_size, num_classes=3)

# A batch of ones is enough to test that the shapes fit together
dummy = torch.ones(batch, input_size)
output = model(dummy)
print(f"output.shape: {output.shape}")  # expect [batch, num_classes]

try:
    output.shape()  # shape is an attribute, not a method
except TypeError as e:
    print(f"TypeError: {e}")
print(f"output.size(): {output.size()}")  # size() is the method form
