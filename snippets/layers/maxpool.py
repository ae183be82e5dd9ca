import torch
import torch.nn.functional as F
from torch import nn

torch.manual_seed(0)

x = torch.arange(25.0).reshape(1, 1, 5, 5)
print(f"input:\n{x[0, 0]}")

pool = nn.MaxPool2d(2)
print(pool)  # stride defaults to kernel_size

# An int means a square window: 2 is (2, 2), as in the notes' F.max_pool2d(x, (2, 2))
print(f"MaxPool2d(2) == MaxPool2d((2, 2)): {torch.equal(pool(x), nn.MaxPool2d((2, 2))(x))}")
print(
    f"F.max_pool2d(x, 2) == F.max_pool2d(x, (2, 2)): "
    f"{torch.equal(F.max_pool2d(x, 2), F.max_pool2d(x, (2, 2)))}"
)
print(f"ceil_mode=False: {tuple(pool(x).shape)}\n{pool(x)[0, 0]}")

pool_ceil = nn.MaxPool2d(2, ceil_mode=True)  # keep the leftover border windows
print(f"ceil_mode=True: {tuple(pool_ceil(x).shape)}\n{pool_ceil(x)[0, 0]}")

pool_idx = nn.MaxPool2d(2, return_indices=True)
out, idx = pool_idx(x)
print(f"return_indices (flat positions in each 5x5 map):\n{idx[0, 0]}")

# Padding is filled with -inf, so it never wins the max (zeros would give 0 here)
neg = -torch.ones(1, 1, 2, 2)
print(f"padding=1 on all -1 input:\n{nn.MaxPool2d(2, padding=1)(neg)[0, 0]}")

# Non-square window and stride; unbatched (C, H, W) input works too
m = nn.MaxPool2d((3, 2), stride=(2, 1))
print(f"(3, 2) window: {tuple(m(torch.randn(20, 16, 50, 32)).shape)}")
print(f"unbatched: {tuple(m(torch.randn(16, 50, 32)).shape)}")
