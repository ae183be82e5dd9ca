import torch
from torch import nn

# A 6x8 image: ones on the left, zeros on the right, so one vertical edge
image = torch.ones(6, 8)
image[:, 4:] = 0

conv = nn.Conv2d(1, 1, kernel_size=(1, 2), bias=False)
with torch.no_grad():  # set the kernel [[1, -1]] by hand
    conv.weight.copy_(torch.tensor([[[[1.0, -1.0]]]]))

with torch.no_grad():
    edges = conv(image.unsqueeze(0).unsqueeze(0))[0, 0]  # (N, C, H, W) in, one map out
print(f"output shape: {tuple(edges.shape)}")
print(f"first row of the output: {edges[0]}")

# The same kernel on the transposed image (a horizontal edge) finds nothing
with torch.no_grad():
    flat = conv(image.T.unsqueeze(0).unsqueeze(0))[0, 0]
print(f"on the transposed image, largest |output|: {flat.abs().max().item()}")
