import torch

t = torch.tensor([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]])

total = t.sum()  # still a tensor, with zero dimensions
print(f"t.sum() = {total!r}, shape {total.shape}")
# dim=0 collapses the rows (one sum per column), dim=1 the columns
print(f"t.sum(dim=0) = {t.sum(dim=0)}")
print(f"t.sum(dim=1) = {t.sum(dim=1)}")
print(f"t.sum(dim=1, keepdim=True).shape = {t.sum(dim=1, keepdim=True).shape}")

# item() turns a one-element tensor into a plain Python number
value = total.item()
print(f"total.item() = {value}, type {type(value).__name__}")

try:
    t.item()
except RuntimeError as e:
    print(f"t.item() -> RuntimeError: {e}")

# For more than one element, tolist() gives Python numbers
print(f"t.sum(dim=0).tolist() = {t.sum(dim=0).tolist()}")
