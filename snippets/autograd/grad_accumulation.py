import torch

x = torch.tensor([2.0], requires_grad=True)

for i in range(3):
    y = x**2  # dy/dx = 2x = 4
    y.backward()
    print(f"after backward #{i + 1}: x.grad = {x.grad.item()}")

# Reset before the next step: in place ...
x.grad.zero_()
print(f"after x.grad.zero_(): {x.grad.item()}")
# ... or drop the tensor (what optimizer.zero_grad() does by default)
x.grad = None
(x**2).backward()
print(f"fresh backward: x.grad = {x.grad.item()}")

opt = torch.optim.SGD([x], lr=0.1)
opt.zero_grad()
print(f"after optimizer.zero_grad(): x.grad = {x.grad}")
