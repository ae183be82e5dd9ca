import torch
from torch import nn

torch.manual_seed(0)

# A tiny regression problem: learn y = 2x + 1 from 8 points.
x = torch.linspace(-1, 1, 8).unsqueeze(1)
y = 2 * x + 1

model = nn.Linear(1, 1)
loss_fn = nn.MSELoss()
optimizer = torch.optim.SGD(model.parameters(), lr=0.2)
print(f"start:  w={model.weight.item():.4f}  b={model.bias.item():.4f}")

for step in range(5):
    pred = model(x)
    loss = loss_fn(pred, y)  # (prediction, target)
    optimizer.zero_grad()  # 1. clear the gradients of the previous step
    loss.backward()  # 2. compute new gradients into .grad
    optimizer.step()  # 3. update the parameters from .grad
    w, b = model.weight.item(), model.bias.item()
    print(f"step {step}: loss={loss.item():.4f}  w={w:.4f}  b={b:.4f}")

# zero_grad() sets .grad to None by default (set_to_none=True)
optimizer.zero_grad()
print(f"grad after zero_grad(): {model.weight.grad}")

# Without zero_grad, a second backward adds to the old gradient
loss_fn(model(x), y).backward()
g1 = model.weight.grad.clone()
loss_fn(model(x), y).backward()
print(f"grad after 1 backward: {g1.item():.4f}")
print(f"grad after 2 backwards (no zero_grad): {model.weight.grad.item():.4f}")
