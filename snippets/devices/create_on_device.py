import torch

device = (
    torch.accelerator.current_accelerator()
    if torch.accelerator.is_available()
    else torch.device("cpu")
)

# Allocate straight on the device: no CPU copy, no transfer
a = torch.ones(2, 3, device=device)
b = torch.tensor([1, 2, 3], device=device)
print(f"a: {a.device}, b: {b.device}")

# *_like copies shape and dtype; device= overrides where it lives
x = torch.zeros(2, 2, dtype=torch.float16)
y = torch.ones_like(x, device=device)
print(f"y: shape {tuple(y.shape)}, dtype {y.dtype}, device {y.device}")

# .to() can change device and dtype in one call
z = y.to("cpu", torch.double)
print(f"z: dtype {z.dtype}, device {z.device}")

# NumPy (and so matplotlib) only reads CPU memory: come back with .cpu() first
arr = y.cpu().numpy()
print(f"numpy array: {type(arr).__name__}, dtype {arr.dtype}")
