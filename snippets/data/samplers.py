import torch
from torch.utils.data import (BatchSampler, DataLoader, SequentialSampler,
                              SubsetRandomSampler, TensorDataset)

torch.manual_seed(0)
dataset = TensorDataset(torch.arange(10))

# sampler: which indices, in which order (here: only the even ones, shuffled)
loader = DataLoader(dataset, batch_size=3, sampler=SubsetRandomSampler(range(0, 10, 2)))
print(f"sampler=SubsetRandomSampler: {[b.tolist() for (b,) in loader]}")

# Any iterable of keys works as a sampler
loader = DataLoader(dataset, batch_size=2, sampler=[9, 8, 7, 1])
print(f"sampler=[9, 8, 7, 1]: {[b.tolist() for (b,) in loader]}")

# batch_sampler: yields whole lists of indices, one list per batch
batches = BatchSampler(SequentialSampler(dataset), batch_size=4, drop_last=False)
print(f"BatchSampler yields: {list(batches)}")
loader = DataLoader(dataset, batch_sampler=[[0, 1], [2, 3, 4, 5], [9]])
print(f"batch_sampler=[[0, 1], [2, 3, 4, 5], [9]]: {[b.tolist() for (b,) in loader]}")

# Keys need not be integers if the dataset understands them
words = {"cat": torch.tensor(0), "dog": torch.tensor(1), "fox": torch.tensor(2)}
loader = DataLoader(words, batch_size=2, sampler=["fox", "cat", "dog"])
print(f"string keys: {[b.tolist() for b in loader]}")
