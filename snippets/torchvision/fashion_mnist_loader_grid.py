import matplotlib.pyplot as plt
import torch
from torch.utils.data import DataLoader
from torchvision import datasets
from torchvision.transforms import v2

torch.manual_seed(0)
transform = v2.Compose([v2.ToImage(), v2.ToDtype(torch.float32, scale=True)])
test_data = datasets.FashionMNIST(root="data", train=False, download=True, transform=transform)
loader = DataLoader(test_data, batch_size=64, shuffle=True)

X, y = next(iter(loader))
print(f"Shape of X [N, C, H, W]: {X.shape}")
print(f"Shape of y: {y.shape} {y.dtype}")

fig, axes = plt.subplots(3, 3, figsize=(6, 6.5), layout="constrained")
for ax, img, label in zip(axes.flat, X, y):
    ax.imshow(img.squeeze(0).numpy(), cmap="gray")  # 1 x 28 x 28 -> 28 x 28
    ax.set_title(test_data.classes[label])
    ax.axis("off")
plt.show()
