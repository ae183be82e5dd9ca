import numpy as np
import torch

# tensor -> numpy: .numpy() returns a view of the same memory
a = torch.ones(3)
b = a.numpy()
a.add_(1)  # change the tensor in place ...
print(f"a = {a}, b = {b}")  # ... and the array changed too

# numpy -> tensor: torch.from_numpy shares memory as well
d = np.zeros(3)
c = torch.from_numpy(d)
d += 5  # change the array in place ...
print(f"d = {d}, c = {c}")  # ... and the tensor changed too
print(f"c.dtype = {c.dtype} (kept NumPy's float64)")

# Rebinding a name with a new result is not a write into shared memory
a = a + 1
print(f"after a = a + 1: a = {a}, b = {b}")
