import torch

# 1. A leaf that requires grad may not be changed in place
w = torch.ones(3, requires_grad=True)
try:
    w.add_(1)
except RuntimeError as e:
    print(f"leaf: RuntimeError: {e}")

# So parameters are updated under no_grad (as optimizers do)
with torch.no_grad():
    w.sub_(0.1)
print(f"updated under no_grad: {w}")

# 2. Overwriting a value that backward still needs
x = torch.ones(3, requires_grad=True)
y = x.sigmoid()  # sigmoid's backward reuses its output y
print(f"y._version before: {y._version}")
y.mul_(2)  # each in-place op bumps the tensor's version counter
print(f"y._version after:  {y._version}")
try:
    y.sum().backward()
except RuntimeError as e:
    print(f"backward: RuntimeError: {str(e).split('. Hint')[0]}")

# The out-of-place version works
y = x.sigmoid() * 2
y.sum().backward()
print(f"x.grad = {x.grad}")
