import torch
from torch import nn

# The basic loop's problem: learn y = 2x + 1 from 8 points
x = torch.linspace(-1, 1, 8).unsqueeze(1)
y = 2 * x + 1


def train(clear_grads, steps=30):
    torch.manual_seed(0)  # the same starting weights for both runs
    model = nn.Linear(1, 1)
    optimizer = torch.optim.SGD(model.parameters(), lr=0.2)
    losses = []
    for _ in range(steps):
        loss = nn.functional.mse_loss(model(x), y)
        if clear_grads:
            optimizer.zero_grad()
        loss.backward()  # without zero_grad this adds to every earlier gradient
        optimizer.step()
        losses.append(loss.item())
    return losses


for clear_grads in (True, False):
    losses = train(clear_grads)
    shown = " ".join(f"{losses[i]:.4f}" for i in (0, 4, 9, 19, 29))
    print(f"zero_grad={clear_grads!s:<5} loss at steps 1, 5, 10, 20, 30: {shown}")
