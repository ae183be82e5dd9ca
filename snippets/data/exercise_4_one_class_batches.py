import torch
from torch.utils.data import DataLoader, TensorDataset

torch.manual_seed(0)
labels = torch.tensor([0, 1, 2, 1, 0, 2, 2, 0, 1, 0, 1, 2])
dataset = TensorDataset(torch.arange(12), labels)

# One list of indices per batch: each holds samples of a single class, 2 at a time
batches = []
for c in range(3):
    indices = [i for i in range(len(labels)) if labels[i] == c]
    batches += [indices[k : k + 2] for k in range(0, len(indices), 2)]
order = torch.randperm(len(batches)).tolist()  # mix the classes between batches
batch_sampler = [batches[i] for i in order]

loader = DataLoader(dataset, batch_sampler=batch_sampler)
for x, y in loader:
    print(f"indices {x.tolist()} -> labels {y.tolist()}")
print(f"batches per epoch: {len(loader)}")
