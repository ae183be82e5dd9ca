import matplotlib.cbook as cbook
import matplotlib.pyplot as plt
import torch
from PIL import Image
from torchvision.transforms import v2

torch.manual_seed(0)
with cbook.get_sample_data("grace_hopper.jpg") as f:
    img = Image.open(f).convert("RGB")

mean, std = [0.485, 0.456, 0.406], [0.229, 0.224, 0.225]
train_tf = v2.Compose(
    [
        v2.ToImage(),  # PIL/ndarray -> tv_tensors.Image (uint8, C x H x W)
        v2.RandomResizedCrop(224, scale=(0.3, 1.0)),
        v2.RandomHorizontalFlip(p=0.5),
        v2.ColorJitter(brightness=0.4, contrast=0.4),
        v2.ToDtype(torch.float32, scale=True),  # uint8 0..255 -> float 0..1
        v2.Normalize(mean, std),
    ]
)
print(train_tf)

out = train_tf(img)
print(f"output: {type(out).__name__}, {tuple(out.shape)} {out.dtype}")
# v2 also takes tensors directly, e.g. a uint8 C x H x W tensor
u8 = v2.PILToTensor()(img)
print(f"from a uint8 tensor: {tuple(train_tf(u8).shape)}")

fig, axes = plt.subplots(1, 5, figsize=(15, 4.2), layout="constrained")
axes[0].imshow(img)
axes[0].set_title("original")
for ax in axes[1:]:
    x = train_tf(img)  # a new random augmentation each call
    x = x * torch.tensor(std).view(3, 1, 1) + torch.tensor(mean).view(3, 1, 1)  # undo Normalize
    ax.imshow(x.permute(1, 2, 0).clamp(0, 1).numpy())
    ax.set_title("augmented")
for ax in axes:
    ax.axis("off")
plt.show()
