import torch

tensor = torch.rand(3, 4)

print(f"shape:  {tensor.shape}")  # torch.Size, a subclass of tuple
print(f"size(): {tensor.size()}, size(1): {tensor.size(1)}")
print(f"dtype:  {tensor.dtype}")
# device: where the data lives (cpu, cuda:0, mps:0, ...)
print(f"device: {tensor.device}")
print(f"ndim:   {tensor.ndim}, numel(): {tensor.numel()}")

rows, cols = tensor.shape  # unpacks like a tuple
print(f"rows = {rows}, cols = {cols}")
