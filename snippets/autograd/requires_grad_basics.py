import torch

x = torch.ones(3)
print(f"default requires_grad: {x.requires_grad}")

w = torch.ones(3, requires_grad=True)
z = (x * w).sum()
print(f"z.requires_grad: {z.requires_grad}, z.grad_fn: {type(z.grad_fn).__name__}")

# A result that needs no gradient has no grad_fn, so it cannot start backward()
y = (x * 2).sum()
try:
    y.backward()
except RuntimeError as e:
    print(f"RuntimeError: {e}")

# Turn it on in place for an existing tensor
x.requires_grad_(True)
print(f"after requires_grad_(): {x.requires_grad}, is_leaf: {x.is_leaf}")

# Only floating point (and complex) tensors can require gradients
try:
    torch.tensor([1, 2, 3], requires_grad=True)
except RuntimeError as e:
    print(f"RuntimeError: {e}")
