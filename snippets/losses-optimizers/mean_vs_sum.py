import torch
from torch import nn

torch.manual_seed(0)

model = nn.Linear(1, 1)
x8 = torch.linspace(-1, 1, 8).unsqueeze(1)
y8 = 2 * x8 + 1
# The same 8 samples twice: a batch of 16 with exactly the same per-sample errors
x16, y16 = torch.cat([x8, x8]), torch.cat([y8, y8])

for reduction in ("mean", "sum"):
    loss_fn = nn.MSELoss(reduction=reduction)
    for x, y in [(x8, y8), (x16, y16)]:
        model.zero_grad()
        loss = loss_fn(model(x), y)  # 'sum' is a scalar too: backward() works
        loss.backward()
        print(
            f"reduction={reduction!r:6} batch {len(x):2}: loss {loss.item():7.4f}  "
            f"weight grad {model.weight.grad.item():8.4f}"
        )
