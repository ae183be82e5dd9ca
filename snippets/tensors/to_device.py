import torch
from torch import nn

# CUDA, else MPS, else CPU
device = (
    torch.accelerator.current_accelerator()
    if torch.accelerator.is_available()
    else torch.device("cpu")
)
print(f"device: {device}")

x = torch.ones(2, 3)  # tensors are created on the CPU by default
x_dev = x.to(device)  # returns a tensor on `device`; x itself is not moved
print(f"x.device = {x.device}, x_dev.device = {x_dev.device}")
print(f"x_dev is x: {x_dev is x}")
x = x.to(device)  # so always assign the result

# Or create it on the device in the first place, skipping the copy
y = torch.zeros(2, 3, device=device)
print(f"y.device = {y.device}")

# .to() converts the dtype too, or both at once
z = y.to("cpu", torch.double)
print(f"z: {z.dtype} on {z.device}; y is still {y.dtype}")

# A tensor's .to() leaves the tensor alone; a module's .to() changes it
t = torch.ones(2)
t.to(torch.float64)
layer = nn.Linear(2, 1)
layer.to(torch.float64)
print(f"after t.to(float64):     t.dtype = {t.dtype}")
print(f"after layer.to(float64): layer.weight.dtype = {layer.weight.dtype}")
