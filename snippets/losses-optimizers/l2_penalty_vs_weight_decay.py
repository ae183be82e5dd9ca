import torch
from torch import nn

torch.manual_seed(0)

X = torch.randn(16, 3)
Y = torch.randn(16, 1)
loss_fn = nn.MSELoss()
lam = 0.1


def l2_penalty(w):
    return (w**2).sum() / 2


def train(opt_class, penalty=0.0, steps=3, **opt_kwargs):
    torch.manual_seed(1)  # identical starting weights every time
    model = nn.Linear(3, 1)
    opt = opt_class(model.parameters(), lr=0.1, **opt_kwargs)
    for _ in range(steps):
        loss = loss_fn(model(X), Y)
        loss = loss + penalty * sum(l2_penalty(p) for p in model.parameters())
        opt.zero_grad()
        loss.backward()
        opt.step()
    return model.weight.detach()


# SGD: an L2 penalty in the loss == weight_decay (it adds lam * w to the gradient)
print(f"SGD   + L2 penalty in loss: {train(torch.optim.SGD, penalty=lam)}")
print(f"SGD(weight_decay=0.1):      {train(torch.optim.SGD, weight_decay=lam)}")

# Adam: weight_decay is the same L2 penalty; AdamW decays the weights directly
print(f"Adam  + L2 penalty in loss: {train(torch.optim.Adam, penalty=lam)}")
print(f"Adam(weight_decay=0.1):     {train(torch.optim.Adam, weight_decay=lam)}")
print(f"AdamW(weight_decay=0.1):    {train(torch.optim.AdamW, weight_decay=lam)}")
