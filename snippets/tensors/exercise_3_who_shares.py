import numpy as np
import torch

arr = np.array([1.0, 2.0, 3.0], dtype=np.float32)
a = torch.from_numpy(arr)  # shares arr's memory
b = torch.tensor(arr)  # copies
c = a.view(3, 1)  # a view of a, so of arr too
d = a.clone()  # copies

arr[0] = 100.0  # change the array in place
for name, t in {"a": a, "b": b, "c": c.flatten(), "d": d}.items():
    print(f"after arr[0] = 100: {name} = {t}")

a = a + 1  # a new tensor: the name a no longer refers to arr's memory
print(f"after a = a + 1:    arr = {arr}")
c += 1  # in place, through the view
print(f"after c += 1:       arr = {arr}")
