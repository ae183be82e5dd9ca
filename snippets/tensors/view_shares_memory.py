import torch

b = torch.zeros(5, 3)
a = b.view(15)  # the same 15 numbers seen as a vector: no copy

a[0] = 100  # write through a ...
b[4, 2] = -1  # ... and through b
print(f"a = {a}")
print(f"b =\n{b}")

# Basic indexing (integers, slices) also returns a view: writes reach b
row = b[1]
row += 1
print(f"after row = b[1]; row += 1:   b[1] = {b[1]}")

# Advanced indexing (an index list or a mask) returns a copy:
# b is untouched
picked = b[[2]]
picked += 5
print(f"after picked = b[[2]]; += 5:  b[2] = {b[2]}")
