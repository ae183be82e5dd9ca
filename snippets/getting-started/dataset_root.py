import os

from torchvision import datasets

# root is resolved against the current working directory, not this file's folder
test_data = datasets.FashionMNIST(root="data", train=False, download=True)
print(f"root:       {test_data.root}")
print(f"raw folder: {test_data.raw_folder}")
print(f"files:      {sorted(os.listdir(test_data.raw_folder))}")
print(f"samples:    {len(test_data)}")

# Without a transform, an item is a PIL image and an int label
image, label = test_data[0]
kind = type(image).__name__
print(f"item 0:     {kind} {image.size}, label {label} ({test_data.classes[label]})")
