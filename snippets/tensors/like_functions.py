import torch

device = (
    torch.accelerator.current_accelerator()
    if torch.accelerator.is_available()
    else torch.device("cpu")
)

x = torch.tensor([[1, 2], [3, 4]])  # int64

# *_like copies shape, dtype and device from x, not its values
zeros, ones = torch.zeros_like(x), torch.ones_like(x)
print(f"zeros_like: {zeros.tolist()}, dtype {zeros.dtype}")
print(f"ones_like:  {ones.tolist()}, dtype {ones.dtype}")
print(f"full_like:  {torch.full_like(x, 7).tolist()}")

# dtype, device (and layout, memory_format) can be overridden with keywords
y = torch.ones_like(x, dtype=torch.float64, device=device)
print(f"ones_like(x, dtype=..., device=...): {y.dtype} on {y.device.type}")
img = torch.rand(1, 3, 4, 4)
cl = torch.empty_like(img, memory_format=torch.channels_last)
print(
    f"empty_like(img, memory_format=channels_last): shape {tuple(cl.shape)}, stride {cl.stride()}"
)

# ...but the shape cannot: there is no argument for it
try:
    torch.zeros_like(x, size=(3, 3))
except TypeError as e:
    print(f"zeros_like(x, size=...) -> TypeError: {e}")
# For a new shape with x's dtype and device, use x.new_zeros / new_ones / new_full
z = x.new_zeros((3, 3))
print(f"x.new_zeros((3, 3)): shape {tuple(z.shape)}, dtype {z.dtype}")

# rand_like samples from [0, 1), which an integer dtype cannot hold
try:
    torch.rand_like(x)
except RuntimeError as e:
    print(f"rand_like on int64 -> RuntimeError: {e}")
r = torch.rand_like(x, dtype=torch.float32)
print(f"rand_like(x, dtype=torch.float32): shape {r.shape}")
