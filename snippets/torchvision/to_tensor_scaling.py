import warnings

import matplotlib.cbook as cbook
import numpy as np
import torch
from PIL import Image
from torchvision import transforms
from torchvision.transforms import v2

with cbook.get_sample_data("grace_hopper.jpg") as f:
    img = Image.open(f).convert("RGB")
to_tensor = transforms.ToTensor()

# PIL image or uint8 ndarray (H x W x C, 0..255) -> float tensor (C x H x W, 0..1)
arr = np.array(img)
print(f"ndarray: {arr.shape} {arr.dtype}, max {arr.max()}")
for name, pic in [("PIL image", img), ("uint8 ndarray", arr)]:
    t = to_tensor(pic)
    print(f"ToTensor({name}): {tuple(t.shape)} {t.dtype}, range {t.min():.1f}..{t.max():.1f}")

# A float ndarray is only transposed, not scaled
t = to_tensor(arr.astype(np.float32))
print(f"ToTensor(float32 ndarray): {tuple(t.shape)} {t.dtype}, max {t.max():.1f}")

# A uint8 tensor (what torchvision.io.read_image returns) is rejected
u8 = v2.PILToTensor()(img)
print(f"uint8 tensor: {tuple(u8.shape)} {u8.dtype}")
try:
    to_tensor(u8)
except TypeError as e:
    print(f"ToTensor(uint8 tensor) -> TypeError: {e}")
t = v2.ToDtype(torch.float32, scale=True)(u8)  # the fix for tensors
print(f"v2.ToDtype(float32, scale=True): {t.dtype}, range {t.min():.1f}..{t.max():.1f}")

# v2.ToTensor still exists but is deprecated; the warning names the replacement
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    v2.ToTensor()
print(f"v2.ToTensor() -> {caught[0].category.__name__}: {caught[0].message}")
replacement = v2.Compose([v2.ToImage(), v2.ToDtype(torch.float32, scale=True)])
print(f"replacement == transforms.ToTensor(): {torch.allclose(replacement(img), to_tensor(img))}")
