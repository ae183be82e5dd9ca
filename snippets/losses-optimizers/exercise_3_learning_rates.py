import torch


def sgd_steps(lr, steps=6):
    # Minimize f(x) = (x - 3)^2 from x = 0 with plain SGD
    x = torch.zeros(1, requires_grad=True)
    optimizer = torch.optim.SGD([x], lr=lr)
    xs = []
    for _ in range(steps):
        optimizer.zero_grad()
        ((x - 3) ** 2).sum().backward()
        optimizer.step()
        xs.append(x.item())
    return xs


for lr in (0.1, 0.5, 0.9, 1.0, 1.1):
    print(f"lr={lr}: " + " ".join(f"{v:7.3f}" for v in sgd_steps(lr)))
