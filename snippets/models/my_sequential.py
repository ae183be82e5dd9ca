from collections import OrderedDict

import torch
from torch import nn


class MySequential(nn.Module):
    def __init__(self, *args):
        super().__init__()
        if len(args) == 1 and isinstance(args[0], OrderedDict):
            for key, module in args[0].items():
                self.add_module(key, module)  # registers it in self._modules
        else:
            for idx, module in enumerate(args):
                self.add_module(str(idx), module)

    def forward(self, x):
        # _modules keeps insertion order
        for module in self._modules.values():
            x = module(x)
        return x


torch.manual_seed(0)
net = MySequential(nn.Linear(784, 256), nn.ReLU(), nn.Linear(256, 10))
print(net)
print(f"_modules keys: {list(net._modules)}")
print(f"output shape: {net(torch.rand(2, 784)).shape}")
