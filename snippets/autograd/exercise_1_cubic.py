import torch

for value in (2.0, -1.0):
    x = torch.tensor(value, requires_grad=True)
    y = x**3 + 2 * x
    y.backward()
    by_hand = 3 * value**2 + 2  # dy/dx = 3x^2 + 2
    print(f"x = {value:4}: y = {y.item():5}, x.grad = {x.grad.item()}, by hand: {by_hand}")
