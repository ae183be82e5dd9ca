import math

import torch


def f(x):
    return (x - 3) ** 2  # minimum at x = 3


x = torch.zeros(1, requires_grad=True)
opt = torch.optim.Adam([x], lr=0.5)  # defaults: betas=(0.9, 0.999), eps=1e-8

# The same update written out
lr, (b1, b2), eps = 0.5, (0.9, 0.999), 1e-8
xh, m, v = 0.0, 0.0, 0.0

for t in range(1, 7):
    opt.zero_grad()
    f(x).backward()
    opt.step()

    g = 2 * (xh - 3)
    m = b1 * m + (1 - b1) * g  # running mean of gradients
    v = b2 * v + (1 - b2) * g * g  # running mean of squared gradients
    m_hat, v_hat = m / (1 - b1**t), v / (1 - b2**t)  # bias correction
    xh -= lr * m_hat / (math.sqrt(v_hat) + eps)
    print(f"step {t}: Adam x={x.item():.4f}   by hand x={xh:.4f}")
