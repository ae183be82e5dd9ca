import warnings

import torch

w = torch.tensor([1.0], requires_grad=True)
x = torch.tensor([2.0], requires_grad=True)
a = w + x
b = w + 1
b.retain_grad()  # ask autograd to keep this intermediate gradient
y = a * b
y.backward()

print(f"w.grad (leaf): {w.grad}")
print(f"b.grad (retained): {b.grad}")
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    print(f"a.grad (not retained): {a.grad}")
# The warning's first two sentences
print("UserWarning:", ". ".join(str(caught[0].message).split(". ")[:2]) + ".")
