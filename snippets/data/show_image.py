import matplotlib.pyplot as plt
import torch
from torch.utils.data import DataLoader
from torchvision import datasets
from torchvision.transforms import v2

torch.manual_seed(0)

test_data = datasets.FashionMNIST(
    root="data",
    train=False,
    download=True,
    transform=v2.Compose([v2.ToImage(), v2.ToDtype(torch.float32, scale=True)]),
)
loader = DataLoader(test_data, batch_size=64, shuffle=True)

# One batch, without writing a loop
features, labels = next(iter(loader))
print(f"Feature batch shape: {features.size()}")
print(f"Labels batch shape: {labels.size()}")

img = features[0].squeeze()  # 1 x 28 x 28 -> 28 x 28 for imshow
label = labels[0].item()
print(f"Label: {label} ({test_data.classes[label]})")
plt.imshow(img.numpy(), cmap="gray")  # a NumPy array for matplotlib
plt.title(test_data.classes[label])
plt.show()
