import torch
from torch.utils.data import DataLoader, TensorDataset

# 480 training samples, as in the running example
train_data = TensorDataset(torch.zeros(480, 2), torch.zeros(480, dtype=torch.long))
epochs = 5

# batch_size sets how many updates (iterations) one epoch makes
for batch_size in (1, 32, 100, 480):
    loader = DataLoader(train_data, batch_size=batch_size)
    short = DataLoader(train_data, batch_size=batch_size, drop_last=True)
    print(
        f"batch_size={batch_size:3}: {len(loader):3} iterations per epoch "
        f"({len(short):3} with drop_last), "
        f"{epochs * len(loader):4} updates in {epochs} epochs"
    )
