import torch
from torch.utils.data import DataLoader, TensorDataset

dataset = TensorDataset(torch.arange(81))  # 81 samples

for drop_last in (False, True):
    loader = DataLoader(dataset, batch_size=8, drop_last=drop_last)
    sizes = [len(batch) for (batch,) in loader]
    print(f"drop_last={drop_last}: len(loader)={len(loader)}, "
          f"last batch size={sizes[-1]}, samples seen={sum(sizes)}")

# An epoch = one pass over the data set = len(loader) iterations
loader = DataLoader(dataset, batch_size=8)
iteration = 0
for epoch in range(3):
    for (batch,) in loader:
        iteration += 1
print(f"3 epochs x {len(loader)} iterations = {iteration} iterations")
