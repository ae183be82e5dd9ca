import math

import torch
from torch import nn


def out_size(size, kernel, stride=1, padding=0, dilation=1):
    return math.floor((size + 2 * padding - dilation * (kernel - 1) - 1) / stride + 1)


torch.manual_seed(0)
H = W = 32
x = torch.randn(1, 3, H, W)
# (kernel, stride, padding, dilation)
for k, s, p, d in [
    (3, 1, 0, 1),
    (5, 1, 2, 1),
    (3, 2, 0, 1),
    (4, 3, 1, 1),
    (3, 1, 0, 2),
    (7, 2, 3, 2),
]:
    conv = nn.Conv2d(3, 8, kernel_size=k, stride=s, padding=p, dilation=d)
    real = tuple(conv(x).shape[-2:])
    formula = (out_size(H, k, s, p, d), out_size(W, k, s, p, d))
    print(f"k={k} s={s} p={p} d={d}: conv {real}, formula {formula}, match {real == formula}")

# Non-square kernel, stride, padding and dilation: one value per dimension
m = nn.Conv2d(16, 33, (3, 5), stride=(2, 1), padding=(4, 2), dilation=(3, 1))
y = m(torch.randn(1, 16, 50, 100))
formula = (out_size(50, 3, 2, 4, 3), out_size(100, 5, 1, 2, 1))
print(f"(3, 5) kernel: output {tuple(y.shape)}, formula (H, W) = {formula}")
