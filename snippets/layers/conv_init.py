import math

import torch
from torch import nn

torch.manual_seed(0)
for groups in [1, 4]:
    conv = nn.Conv2d(64, 128, kernel_size=3, groups=groups)
    # fan_in = in_channels / groups * kH * kW ; k = 1 / fan_in
    fan_in = 64 // groups * 3 * 3
    bound = 1 / math.sqrt(fan_in)
    w, b = conv.weight, conv.bias
    print(f"groups={groups}: weight {tuple(w.shape)}, fan_in={fan_in}, bound={bound:.5f}")
    print(f"  weight min {w.min().item():.5f}, max {w.max().item():.5f}")
    print(f"  bias   min {b.min().item():.5f}, max {b.max().item():.5f}")
