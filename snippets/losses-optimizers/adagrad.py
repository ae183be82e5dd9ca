import math

import torch


def f(x):
    return (x - 3) ** 2  # minimum at x = 3


x = torch.zeros(1, requires_grad=True)
opt = torch.optim.Adagrad([x], lr=1.0)  # default lr is 1e-2; 1.0 to see it move

# The same update written out
lr, lr_decay, eps = 1.0, 0.0, 1e-10
xh, state_sum = 0.0, 0.0

for t in range(1, 7):
    opt.zero_grad()
    f(x).backward()
    opt.step()

    g = 2 * (xh - 3)
    state_sum += g * g  # sum of all squared gradients so far
    clr = lr / (1 + (t - 1) * lr_decay)
    xh -= clr * g / (math.sqrt(state_sum) + eps)
    step = clr / (math.sqrt(state_sum) + eps)
    print(f"step {t}: Adagrad x={x.item():.4f}   by hand x={xh:.4f}   lr/sqrt(sum)={step:.4f}")
