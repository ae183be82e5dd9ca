import torch
from torch import nn

torch.manual_seed(0)


# Step 1: the model. Subclass nn.Module: build layers in __init__, use them in forward
class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.layers = nn.Sequential(
            nn.Linear(2, 16),  # 2 input features (x, y coordinates of a point)
            nn.ReLU(),
            nn.Linear(16, 3),  # 3 outputs: one score (logit) per class
        )

    def forward(self, x):
        return self.layers(x)


model = Net()
print(model)
print(f"parameters: {sum(p.numel() for p in model.parameters())}")

# Check the wiring with a dummy batch of 4 samples before writing anything else
dummy = torch.rand(4, 2)
print(f"output shape: {model(dummy).shape}")
