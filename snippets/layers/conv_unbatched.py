import torch
import torch.nn.functional as F
from torch import nn

torch.manual_seed(0)
conv = nn.Conv2d(3, 8, kernel_size=3)
img = torch.randn(3, 28, 28)  # (C, H, W): no batch dimension

print(f"unbatched: {tuple(img.shape)} -> {tuple(conv(img).shape)}")
batch = img.unsqueeze(0)  # add the batch dimension
print(f"batched:   {tuple(batch.shape)} -> {tuple(conv(batch).shape)}")
print(f"F.conv2d unbatched: {tuple(F.conv2d(img, conv.weight, conv.bias).shape)}")

try:
    conv(torch.randn(28, 28))  # 2-D is neither form
except RuntimeError as e:
    print(f"RuntimeError: {e}")
