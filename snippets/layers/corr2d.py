import torch
import torch.nn.functional as F
from torch import nn


def corr2d(X, K):
    """2-D cross-correlation of matrix X with kernel K (no padding, stride 1)."""
    h, w = K.shape
    X, K = X.float(), K.float()
    Y = torch.zeros((X.shape[0] - h + 1, X.shape[1] - w + 1))
    for i in range(Y.shape[0]):
        for j in range(Y.shape[1]):
            Y[i, j] = (X[i : i + h, j : j + w] * K).sum()
    return Y


X = torch.arange(9).reshape(3, 3)
K = torch.tensor([[0, 1], [2, 3]])
Y = corr2d(X, K)
print(f"corr2d:\n{Y}")

# F.conv2d wants (N, C, H, W) input and (C_out, C_in, kH, kW) weight
Y_F = F.conv2d(X.float().reshape(1, 1, 3, 3), K.float().reshape(1, 1, 2, 2))
print(f"F.conv2d equal: {torch.equal(Y, Y_F.reshape(2, 2))}")

conv = nn.Conv2d(1, 1, kernel_size=2, bias=False)
with torch.no_grad():
    conv.weight.copy_(K.reshape(1, 1, 2, 2))
Y_nn = conv(X.float().reshape(1, 1, 3, 3))
print(f"nn.Conv2d equal: {torch.equal(Y, Y_nn.detach().reshape(2, 2))}")
