import torch

# Leaves: tensors we create ourselves
w = torch.tensor([1.0], requires_grad=True)
x = torch.tensor([2.0], requires_grad=True)

# Intermediate nodes and the root
a = w + x  # a = 3
b = w + 1  # b = 2
y = a * b  # y = 6

y.backward()
print(f"y = {y.item()}")
print(f"dy/dw = {w.grad.item()}  (= b + a = 2 + 3)")
print(f"dy/dx = {x.grad.item()}  (= b = 2)")

for name, t in [("w", w), ("x", x), ("a", a), ("b", b), ("y", y)]:
    fn = type(t.grad_fn).__name__ if t.grad_fn is not None else None
    print(f"{name}: requires_grad={t.requires_grad}, is_leaf={t.is_leaf}, grad_fn={fn}")
