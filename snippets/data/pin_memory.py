import torch
from torch.utils.data import DataLoader, TensorDataset

device = torch.accelerator.current_accelerator() if torch.accelerator.is_available() else torch.device("cpu")
dataset = TensorDataset(torch.randn(8, 3))

# Page-locked host memory only helps when batches go to an accelerator
loader = DataLoader(dataset, batch_size=4, pin_memory=torch.accelerator.is_available())
(x,) = next(iter(loader))
print(f"device: {device.type}, batch pinned: {x.is_pinned()}")
x = x.to(device, non_blocking=True)  # asynchronous copy from pinned memory
print(f"batch now on: {x.device.type}")
