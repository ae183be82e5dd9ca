import torch
from torch.utils.data import DataLoader, TensorDataset

dataset = TensorDataset(torch.zeros(480, 2))
epochs = 5

# Total parameter updates = epochs * iterations per epoch = epochs * ceil(N / B)
for batch_size in (1, 32, 100, 480):
    loader = DataLoader(dataset, batch_size=batch_size)
    print(
        f"batch_size={batch_size:3}: {len(loader):3} updates per epoch, "
        f"{epochs * len(loader):4} in {epochs} epochs"
    )
