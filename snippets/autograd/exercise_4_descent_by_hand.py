import torch

x, target = torch.tensor(2.0), torch.tensor(6.0)
w = torch.tensor(0.0, requires_grad=True)  # the one parameter; the best value is 3
lr = 0.1

for step in range(1, 6):
    loss = (w * x - target) ** 2
    loss.backward()
    with torch.no_grad():  # change the leaf without recording it
        w -= lr * w.grad
    print(f"step {step}: loss {loss.item():8.4f}, grad {w.grad.item():7.3f}, new w {w.item():.4f}")
    w.grad = None  # otherwise the next gradient adds to this one

# The same update outside no_grad is refused
loss = (w * x - target) ** 2
loss.backward()
try:
    w -= lr * w.grad
except RuntimeError as e:
    print(f"without no_grad -> RuntimeError: {e}")
