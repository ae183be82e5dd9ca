import warnings

import torch

a = torch.tensor([1.0, 2.0, 3.0])
alias = a  # plain assignment: a second name for the SAME tensor
row_view = a[:2]  # a view: a new tensor object over the same memory
copy = a.clone()  # a deep copy with its own memory

a[0] = 100
print(f"a        = {a}")
print(f"alias    = {alias}")
print(f"row_view = {row_view}")
print(f"copy     = {copy}")

# clone() stays in the autograd graph;
# add .detach() for a fully independent copy
w = torch.ones(2, requires_grad=True)
print(f"w.clone():          grad_fn={type(w.clone().grad_fn).__name__}")
print(f"w.detach().clone(): requires_grad={w.detach().clone().requires_grad}")

# torch.tensor(tensor) also copies, but PyTorch warns and names the better spelling
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    torch.tensor(a)
print(f"torch.tensor(a) -> {caught[0].category.__name__}: {caught[0].message}")
