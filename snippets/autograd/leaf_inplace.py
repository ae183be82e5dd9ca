import torch

w = torch.tensor([1.0, 2.0], requires_grad=True)

try:
    w.add_(1)  # would change a leaf that autograd may still need
except RuntimeError as e:
    print(f"RuntimeError: {e}")

# Updates of parameters happen outside recording (this is what optimizers do)
with torch.no_grad():
    w.add_(1)
print(f"updated under no_grad: {w}")
