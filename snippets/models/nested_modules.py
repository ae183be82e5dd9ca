import torch
import torch.nn.functional as F
from torch import nn

torch.manual_seed(0)


class NestMLP(nn.Module):
    def __init__(self):
        super().__init__()
        self.net = nn.Sequential(nn.Linear(40, 30), nn.ReLU())

    def forward(self, x):
        return self.net(x)


class FancyMLP(nn.Module):
    def __init__(self):
        super().__init__()
        self.linear = nn.Linear(30, 20)
        self.out = nn.Linear(20, 20)

    def forward(self, x):
        x = F.relu(self.linear(x))
        x = self.out(x)
        # forward is plain Python: loops and ifs are allowed
        while x.norm().item() > 1:
            x = x / 2
        return x.sum()


# Modules nest into a tree: a Sequential of custom modules and built-in layers
net = nn.Sequential(NestMLP(), nn.Linear(30, 30), FancyMLP())
print(net)
X = torch.rand(2, 40)
y = net(X)
print(f"net(X) = {y.item():.4f}, a 0-d tensor of shape {tuple(y.shape)}")
