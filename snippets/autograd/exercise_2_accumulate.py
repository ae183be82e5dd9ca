import torch

x = torch.tensor(2.0, requires_grad=True)
y = torch.tensor(3.0, requires_grad=True)

for i in range(2):
    z = x * y  # a new graph each time: dz/dx = y, dz/dy = x
    z.backward()
    print(f"after backward #{i + 1}: x.grad = {x.grad.item()}, y.grad = {y.grad.item()}")

# Clear both, then one more pass gives the true gradient again
x.grad = None
y.grad = None
(x * y).backward()
print(f"after clearing:    x.grad = {x.grad.item()}, y.grad = {y.grad.item()}")
