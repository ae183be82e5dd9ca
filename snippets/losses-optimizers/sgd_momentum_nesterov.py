import torch


def f(x):
    return (x - 3) ** 2  # minimum at x = 3, gradient 2(x - 3)


def run(steps=8, **sgd_kwargs):
    x = torch.zeros(1, requires_grad=True)
    opt = torch.optim.SGD([x], **sgd_kwargs)
    xs = []
    for _ in range(steps):
        opt.zero_grad()
        f(x).backward()
        opt.step()
        xs.append(x.item())
    return xs


def by_hand(steps=8, lr=0.1, momentum=0.0, nesterov=False):
    x, buf, xs = 0.0, None, []
    for _ in range(steps):
        g = 2 * (x - 3)
        if momentum:
            buf = g if buf is None else momentum * buf + g  # velocity
            g = g + momentum * buf if nesterov else buf
        x -= lr * g
        xs.append(x)
    return xs


def show(name, xs):
    print(f"{name:22}" + " ".join(f"{v:7.4f}" for v in xs))


print(f"{'x after step':22}" + " ".join(f"{i:7d}" for i in range(1, 9)))
show("SGD lr=0.1", run(lr=0.1))
show("  by hand", by_hand(lr=0.1))
show("momentum=0.9", run(lr=0.1, momentum=0.9))
show("  by hand", by_hand(lr=0.1, momentum=0.9))
show("nesterov=True", run(lr=0.1, momentum=0.9, nesterov=True))
show("  by hand", by_hand(lr=0.1, momentum=0.9, nesterov=True))
show("SGD lr=1.1 (too big)", run(lr=1.1))
