import torch

# .data: the change is invisible to autograd, the gradient is silently wrong
x = torch.ones(1, requires_grad=True)
y = x**2  # backward will compute 2 * x using the saved x
x.data *= 100
print(f"y = {y.item()}  (computed with x = 1)")
y.backward()
print(f"x = {x.item()}, x.grad = {x.grad.item()}  (should be 2.0 for the y above)")

# detach(): same shared data, but autograd notices and refuses
x = torch.ones(1, requires_grad=True)
y = x**2
x.detach().mul_(100)
try:
    y.backward()
except RuntimeError as e:
    print(f"RuntimeError: {str(e).split(' Hint')[0]}")
