import warnings

import matplotlib.cbook as cbook
import numpy as np
import torch
from PIL import Image
from torchvision import transforms
from torchvision.transforms import v2

with cbook.get_sample_data("grace_hopper.jpg") as f:
    img = Image.open(f).convert("RGB")
arr = np.array(img)  # H x W x C, uint8
print(f"ndarray: {arr.shape} {arr.dtype}, max {arr.max()}")

# v2: ToImage makes a C x H x W tensor (uint8 here), ToDtype(scale=True) rescales to 0..1
image = v2.ToImage()(img)
print(f"v2.ToImage(): {type(image).__name__} {tuple(image.shape)} {image.dtype}")
u8 = v2.PILToTensor()(img)  # a plain uint8 tensor, as image decoders return
to_tensor = v2.Compose([v2.ToImage(), v2.ToDtype(torch.float32, scale=True)])
for name, pic in [("PIL image", img), ("uint8 ndarray", arr), ("uint8 tensor", u8)]:
    t = to_tensor(pic)
    print(f"{name:>13} -> {tuple(t.shape)} {t.dtype}, range {t.min():.1f}..{t.max():.1f}")

# The old transforms.ToTensor() gives the same for 8-bit images ...
old = transforms.ToTensor()
print(f"transforms.ToTensor() same on the photo: {torch.allclose(old(img), to_tensor(img))}")
# ... but refuses tensors, and divides by 255 only what is uint8
try:
    old(u8)
except TypeError as e:
    print(f"ToTensor(uint8 tensor) -> TypeError: {e}")
print(f"ToTensor(float32 ndarray): max {old(arr.astype(np.float32)).max():.1f}")
img16 = Image.fromarray(np.array([[0, 1000], [20000, 30000]], dtype=np.uint16))
t = old(img16)
print(f"ToTensor(mode {img16.mode} image): {t.dtype}, {t.flatten().tolist()}")
t = to_tensor(img16)  # uint16 is scaled by its own maximum, 65535
print(
    f"ToImage + ToDtype(mode {img16.mode}): {t.dtype}, {[round(v, 4) for v in t.flatten().tolist()]}"
)

# v2.ToTensor still exists but is deprecated; the warning names the replacement
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    v2.ToTensor()
print(f"v2.ToTensor() -> {caught[0].category.__name__}: {caught[0].message}")
