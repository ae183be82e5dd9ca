import torch

b = torch.zeros(5, 3)

# -1 lets PyTorch infer one dimension
print(f"b.view(3, -1).shape = {b.view(3, -1).shape}")

# view needs a compatible memory layout; a transpose breaks it
bt = b.t()
print(f"bt.is_contiguous() = {bt.is_contiguous()}")
try:
    bt.view(15)
except RuntimeError as e:
    print(f"RuntimeError: {e}")

# reshape works on any layout: a view when possible, otherwise a copy
flat = bt.reshape(15)
flat[1] = 7  # flat[1] is bt[0, 1], i.e. b[1, 0]
print(f"after flat[1] = 7: b[1, 0] = {b[1, 0].item()} (reshape had to copy)")
