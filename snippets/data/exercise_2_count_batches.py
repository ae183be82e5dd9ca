import math

import torch
from torch.utils.data import DataLoader, TensorDataset

dataset = TensorDataset(torch.arange(50))
n, b = len(dataset), 16
print(f"predicted: ceil = {math.ceil(n / b)}, floor = {n // b}, last batch = {n % b} samples")

for drop_last in (False, True):
    loader = DataLoader(dataset, batch_size=b, drop_last=drop_last)
    sizes = [len(x) for (x,) in loader]
    print(f"drop_last={drop_last}: len(loader) = {len(loader)}, batch sizes {sizes}")
