import torch
from torch import nn

torch.manual_seed(0)


class DeepMLP(nn.Module):
    def __init__(self, width, depth):
        super().__init__()
        # depth hidden layers of size width -> width, registered through a ModuleList
        self.hidden = nn.ModuleList([nn.Linear(width, width) for _ in range(depth)])
        self.out = nn.Linear(width, 1)

    def forward(self, x):
        for layer in self.hidden:
            x = torch.relu(layer(x))
        return self.out(x)


x = torch.rand(2, 10)
for depth in (1, 2, 3):
    model = DeepMLP(width=10, depth=depth)
    count = sum(p.numel() for p in model.parameters())
    print(f"depth {depth}: {count} parameters, output {tuple(model(x).shape)}")
