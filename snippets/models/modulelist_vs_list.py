import torch
from torch import nn


class WithModuleList(nn.Module):
    def __init__(self):
        super().__init__()
        self.layers = nn.ModuleList([nn.Linear(4, 4) for _ in range(3)])

    def forward(self, x):
        for layer in self.layers:
            x = layer(x)
        return x


class WithPythonList(nn.Module):
    def __init__(self):
        super().__init__()
        self.layers = [nn.Linear(4, 4) for _ in range(3)]  # not registered!

    def forward(self, x):
        for layer in self.layers:
            x = layer(x)
        return x


x = torch.ones(1, 4)
for net in (WithModuleList(), WithPythonList()):
    n_params = sum(p.numel() for p in net.parameters())
    print(
        f"{type(net).__name__}: output {tuple(net(x).shape)}, "
        f"{len(list(net.parameters()))} tensors / {n_params} values in .parameters()"
    )
print(WithPythonList())  # the list's layers don't even show up

# A ModuleList only stores modules: it has no forward() of its own
try:
    nn.ModuleList([nn.Linear(4, 4)])(x)
except NotImplementedError as e:
    print(f"NotImplementedError: {e}")
