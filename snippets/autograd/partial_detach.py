import torch

x = torch.tensor(2.0, requires_grad=True)

y_1 = x**2
with torch.no_grad():
    y_2 = x**3  # not recorded: a constant for autograd
y_3 = y_1 + y_2
y_3.backward()

print(f"y_3 = {y_3.item()}  (x^2 + x^3)")
print(f"x.grad = {x.grad.item()}  (2x only; 2x + 3x^2 would be {2 * 2 + 3 * 2**2})")

# detach() gives the same result without a with-block
x.grad = None
y_3 = x**2 + x.detach() ** 3
y_3.backward()
print(f"with detach(): x.grad = {x.grad.item()}")
