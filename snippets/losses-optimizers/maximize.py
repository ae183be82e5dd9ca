import torch


def f(x):
    return -((x - 3) ** 2)  # a hill with its top at x = 3


# maximize=True: the optimizer climbs f instead of descending it
x = torch.zeros(1, requires_grad=True)
opt = torch.optim.SGD([x], lr=0.1, maximize=True)
# Same thing the classic way: minimize -f
y = torch.zeros(1, requires_grad=True)
opt_neg = torch.optim.SGD([y], lr=0.1)

for step in range(1, 6):
    opt.zero_grad()
    f(x).backward()
    opt.step()

    opt_neg.zero_grad()
    (-f(y)).backward()
    opt_neg.step()
    print(f"step {step}: maximize f -> x={x.item():.4f}   minimize -f -> x={y.item():.4f}")
