import torch

x = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
y = x**2  # a vector, not a scalar

try:
    y.backward()
except RuntimeError as e:
    print(f"RuntimeError: {e}")

# Pass the vector v in v^T J yourself: ones means "sum of all outputs"
y.backward(gradient=torch.ones_like(y))
print(f"with gradient=ones: {x.grad}")

# Same as reducing to a scalar first
x.grad = None
(x**2).sum().backward()
print(f"with .sum():        {x.grad}")

# Weight each output differently
x.grad = None
(x**2).backward(gradient=torch.tensor([1.0, 0.1, 0.01]))
print(f"weighted:           {x.grad}")

# A one-element tensor counts as a scalar
t = torch.tensor([3.0], requires_grad=True)
(t * 2).backward()
print(f"one-element output: {t.grad}")
