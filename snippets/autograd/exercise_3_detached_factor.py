import torch

x = torch.tensor(4.0, requires_grad=True)

# Both factors recorded: f = x^3, df/dx = 3x^2
f = x**2 * x
f.backward()
print(f"x^2 * x:          f = {f.item()}, x.grad = {x.grad.item()}")

# Second factor detached: autograd treats it as the constant 4
x.grad = None
g = x**2 * x.detach()
g.backward()
print(f"x^2 * x.detach(): g = {g.item()}, x.grad = {x.grad.item()}")
