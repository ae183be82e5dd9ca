import csv
import os
import tempfile

import torch
from PIL import Image
from torch.utils.data import DataLoader, Dataset
from torchvision.transforms import ToTensor, v2

torch.manual_seed(0)


class CustomImageDataset(Dataset):
    def __init__(self, annotations_file, img_dir, transform=None, target_transform=None):
        with open(annotations_file, newline="") as f:
            self.img_labels = [(name, int(label)) for name, label in csv.reader(f)]
        self.img_dir = img_dir
        self.transform = transform
        self.target_transform = target_transform

    def __len__(self):
        return len(self.img_labels)

    def __getitem__(self, idx):
        name, label = self.img_labels[idx]
        with Image.open(os.path.join(self.img_dir, name)) as img:
            image = v2.functional.pil_to_tensor(img.convert("RGB"))  # uint8, C x H x W
        if self.transform:
            image = self.transform(image)
        if self.target_transform:
            label = self.target_transform(label)
        return image, label


with tempfile.TemporaryDirectory() as root:
    # A tiny image folder: six random 8 x 8 RGB PNGs and a CSV of "file,label"
    with open(os.path.join(root, "labels.csv"), "w", newline="") as f:
        writer = csv.writer(f)
        for i in range(6):
            name = f"img_{i}.png"
            pixels = torch.randint(0, 256, (8, 8, 3), dtype=torch.uint8).numpy()
            Image.fromarray(pixels).save(os.path.join(root, name))
            writer.writerow([name, i % 2])
    with open(os.path.join(root, "labels.csv")) as f:
        print(f"labels.csv starts: {f.read().splitlines()[:2]}")

    raw = CustomImageDataset(os.path.join(root, "labels.csv"), root)
    image, label = raw[0]
    print(f"raw: dtype={image.dtype}, shape={tuple(image.shape)}, "
          f"range=[{image.min()}, {image.max()}], label={label}")

    # ToTensor only accepts PIL images and NumPy arrays, not a uint8 tensor
    try:
        ToTensor()(image)
    except TypeError as e:
        print(f"TypeError: {e}")

    transform = v2.Compose([
        v2.ToDtype(torch.float32, scale=True),  # uint8 [0, 255] -> float [0, 1]
        v2.Normalize(mean=[0.5, 0.5, 0.5], std=[0.5, 0.5, 0.5]),  # -> [-1, 1]
    ])
    train_dataset = CustomImageDataset(os.path.join(root, "labels.csv"), root, transform)
    image, label = train_dataset[0]
    print(f"transformed: dtype={image.dtype}, "
          f"range=[{image.min():.3f}, {image.max():.3f}]")

    loader = DataLoader(train_dataset, batch_size=4, shuffle=True)
    for images, labels in loader:
        print(f"batch: images {tuple(images.shape)}, labels {labels.tolist()}")
