import matplotlib.cbook as cbook
import torch
from PIL import Image
from torchvision.transforms import v2

with cbook.get_sample_data("grace_hopper.jpg") as f:
    img = Image.open(f).convert("RGB")
x = v2.Compose([v2.ToImage(), v2.ToDtype(torch.float32, scale=True)])(img)
# PIL reports (width, height); a tensor is (C, H, W)
print(f"PIL size: {img.size} (W, H)   tensor shape: {tuple(x.shape)} (C, H, W)")

for size in [256, (224, 224), (100, 300)]:
    resize = v2.Resize(size)
    print(f"Resize({size}): PIL {resize(img).size}, tensor {tuple(resize(x).shape)}")

# An int resizes the shorter side; max_size caps the longer one
r = v2.Resize(256, max_size=280)
print(f"Resize(256, max_size=280): tensor {tuple(r(x).shape)}")
