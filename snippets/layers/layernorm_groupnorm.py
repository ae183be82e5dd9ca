import torch
from torch import nn

torch.manual_seed(0)


def r(t):
    return t.detach().round(decimals=4) + 0.0  # round, and turn -0.0 into 0.0


x = torch.randn(2, 4, 3, 3) * 3 + 1  # (N, C, H, W)

# LayerNorm: statistics of each sample over the given trailing dims
ln = nn.LayerNorm([4, 3, 3])
y = ln(x)
print(f"LayerNorm weight shape {tuple(ln.weight.shape)}, buffers {list(ln.buffers())}")
print(f"per-sample mean {r(y.mean(dim=(1, 2, 3)))}")
print(f"per-sample std  {r(y.std(dim=(1, 2, 3), unbiased=False))}")

# GroupNorm: channels split into groups, statistics per sample and group
gn = nn.GroupNorm(num_groups=2, num_channels=4)
print(f"GroupNorm weight shape {tuple(gn.weight.shape)} (one per channel)")
g = gn(x).reshape(2, 2, -1)  # (N, groups, C/groups * H * W)
print(f"GroupNorm mean per (sample, group):\n{r(g.mean(dim=2))}")

# No running statistics: train and eval give the same output
ln.eval()
print(f"LayerNorm same in eval: {torch.allclose(ln(x), y)}")
