import torch

t = torch.arange(1, 13).reshape(3, 4)
print(f"t =\n{t}")

# Row first, then column
print(f"second row:         {t[1]}")
print(f"third column:       {t[:, 2]}")
print(f"element (2, 3):     {t[2, 3].item()}")

# dim=1 sums along a row (one sum per row), dim=0 down a column
print(f"sum of each row:    {t.sum(dim=1)}")
print(f"sum of each column: {t.sum(dim=0)}")
print(f"total as a number:  {t.sum().item()}")
