import torch
from torch.utils.data import DataLoader, TensorDataset

# Ten samples: features 0..9, labels = feature % 2
features = torch.arange(10.0).unsqueeze(1)
dataset = TensorDataset(features, features.squeeze(1).long() % 2)

loader = DataLoader(dataset, batch_size=4)
print(f"sampler: {type(loader.sampler).__name__}, "
      f"batch_sampler: {type(loader.batch_sampler).__name__}")
for x, y in loader:
    print(f"x: {x.squeeze(1).tolist()}, y: {y.tolist()}")

# shuffle=True swaps in a RandomSampler; a seeded generator makes the order repeatable
g = torch.Generator().manual_seed(0)
loader = DataLoader(dataset, batch_size=4, shuffle=True, generator=g)
print(f"shuffle=True -> sampler: {type(loader.sampler).__name__}")
for epoch in range(2):
    order = [x.squeeze(1).long().tolist() for x, _ in loader]
    print(f"epoch {epoch}: {order}")  # a new order every epoch
