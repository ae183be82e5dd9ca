import torch

x = torch.tensor([[1.0, 2.0], [3.0, 4.0]])

y = x.add(5)  # out-of-place: returns a new tensor, x unchanged
print(f"y = x.add(5)  -> y =\n{y}\nx is unchanged =\n{x}")
x.add_(5)  # in-place: the trailing underscore means "modify x itself"
print(f"x.add_(5)     -> x =\n{x}")

x.t_()  # in-place transpose
print(f"x.t_()        -> x =\n{x}")

# `x += 1` is in place too (same object); `x = x + 1` builds a new tensor
before = x
x += 1
print(f"after x += 1:    same object? {x is before}")
x = x + 1
print(f"after x = x + 1: same object? {x is before}")
