import warnings

import torch
from torch import nn

torch.manual_seed(0)
# Dropout2d zeroes whole channels (feature maps), not single pixels
x = torch.ones(1, 6, 3, 3)  # (N, C, H, W)
y = nn.Dropout2d(p=0.5)(x)
print(f"Dropout2d, sum of each channel: {y.sum(dim=(2, 3))}")

# Dropout1d does the same for (N, C, L) or unbatched (C, L)
y1 = nn.Dropout1d(p=0.5)(torch.ones(6, 4))
print(f"Dropout1d on (C, L):\n{y1}")

# Dropout2d on a 3-D tensor does not mean (C, H, W): it warns and acts as Dropout1d
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    nn.Dropout2d(p=0.5)(torch.ones(6, 3, 3))
print(f"warning: {str(caught[0].message).split(' - ')[0]}")
