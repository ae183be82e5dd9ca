import warnings

import torch
from torch import nn

x = torch.randn(1, 3, 28, 28)
for padding in ["valid", "same"]:
    for k in [3, 4]:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            y = nn.Conv2d(3, 8, k, padding=padding)(x)
        hw_in, hw_out = tuple(x.shape[-2:]), tuple(y.shape[-2:])
        print(f"padding={padding!r:7} kernel {k}: {hw_in} -> {hw_out}")
        for w in caught:  # an even kernel with 'same' pads unevenly: via a padded copy
            print(f"  {w.category.__name__}: {str(w.message).split(' (Triggered')[0]}")

dilated = nn.Conv2d(3, 8, 3, padding="same", dilation=2)
print(f"'same' with dilation=2: {tuple(dilated(x).shape)}")
try:
    nn.Conv2d(3, 8, 3, stride=2, padding="same")
except ValueError as e:
    print(f"ValueError: {e}")
