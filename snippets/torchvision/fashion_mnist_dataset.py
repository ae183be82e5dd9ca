import os

import torch
from torchvision import datasets
from torchvision.transforms import v2

# root: the folder that holds FashionMNIST/raw/; download=True fetches the files
# only when they are missing, so the second run reads from disk
train = datasets.FashionMNIST(root="data", train=True, download=True)
to_tensor = v2.Compose([v2.ToImage(), v2.ToDtype(torch.float32, scale=True)])
test = datasets.FashionMNIST(root="data", train=False, download=True, transform=to_tensor)
print(train)
# (a real download also leaves the .gz archives next to these files)
files = sorted(f for f in os.listdir(train.raw_folder) if not f.endswith(".gz"))
print(f"files in {train.raw_folder}: {files}")
print(f"train / test samples: {len(train)} / {len(test)}")
print(f"classes: {train.classes}")

# Without a transform a sample is (PIL image, int label)
img, label = train[0]
print(
    f"train[0]: {type(img).__name__} mode {img.mode} size {img.size}, label {label} "
    f"({train.classes[label]})"
)

# transform= is applied to the image, target_transform= to the label
x, y = test[0]
print(
    f"test[0] transformed: {type(x).__name__} {tuple(x.shape)} {x.dtype}, range {x.min():.1f}..{x.max():.1f}, "
    f"label {y}"
)
one_hot = datasets.FashionMNIST(
    root="data",
    train=False,
    download=True,
    target_transform=lambda y: torch.nn.functional.one_hot(torch.tensor(y), 10),
)
print(f"target_transform one-hot label: {one_hot[0][1].tolist()}")
