import torch


def f(x):
    # Ordinary Python control flow decides which operations are recorded
    steps = 0
    while x.norm() < 10:
        x = x * 2
        steps += 1
    return x.sum(), steps


for start in (1.0, 3.0):
    x = torch.tensor([start], requires_grad=True)
    out, steps = f(x)
    out.backward()
    # Each call builds a fresh graph: dout/dx = 2**steps
    print(f"x={start}: {steps} doublings recorded, grad={x.grad.item()}")
