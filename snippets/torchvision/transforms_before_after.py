import matplotlib.cbook as cbook
import matplotlib.pyplot as plt
import torch
from PIL import Image
from torchvision.transforms import v2

torch.manual_seed(0)
with cbook.get_sample_data("grace_hopper.jpg") as f:
    img = Image.open(f).convert("RGB")

mean, std = [0.485, 0.456, 0.406], [0.229, 0.224, 0.225]
steps = [
    ("Resize(256)", v2.Resize(256)),
    ("RandomCrop(224, padding=16)", v2.RandomCrop(224, padding=16)),
    ("ToImage() + ToDtype()", v2.Compose([v2.ToImage(), v2.ToDtype(torch.float32, scale=True)])),
    ("Normalize(ImageNet)", v2.Normalize(mean, std)),
]

fig, axes = plt.subplots(1, len(steps) + 1, figsize=(15, 5), layout="constrained")
axes[0].imshow(img)
axes[0].set_title(f"original {img.size[1]}x{img.size[0]}")
x = img
for ax, (name, t) in zip(axes[1:], steps):
    x = t(x)
    if torch.is_tensor(x):
        print(f"{name:<28} -> tensor {tuple(x.shape)}, range {x.min():.2f}..{x.max():.2f}")
        # imshow wants H x W x C in 0..1: channels last, rescaled for display
        ax.imshow(((x - x.min()) / (x.max() - x.min())).permute(1, 2, 0).numpy())
        ax.set_title(f"{name}\n{tuple(x.shape)}")
    else:
        print(f"{name:<28} -> PIL image, {x.size[1]}x{x.size[0]} (H x W)")
        ax.imshow(x)
        ax.set_title(f"{name}\n{x.size[1]}x{x.size[0]}")
for ax in axes:
    ax.axis("off")
plt.show()
