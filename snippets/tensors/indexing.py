import torch

t = torch.arange(12).reshape(3, 4)
print(f"t =\n{t}")

# Row first, then column: t[row][col] works, t[row, col] is the idiomatic form
print(f"t[1][2] = {t[1][2].item()}, t[1, 2] = {t[1, 2].item()}")
print(f"first row   t[0]       = {t[0]}")
print(f"second col  t[:, 1]    = {t[:, 1]}")
print(f"last col    t[..., -1] = {t[..., -1]}")
print(f"sub-block   t[:2, 1:3] =\n{t[:2, 1:3]}")

# Boolean masks and lists of indices pick arbitrary elements
print(f"mask        t[t > 8]   = {t[t > 8]}")
print(f"index list  t[[0, 2]]  =\n{t[[0, 2]]}")

# Assigning through an index writes into t
t[:, 1] = 0
print(f"after t[:, 1] = 0:\n{t}")
