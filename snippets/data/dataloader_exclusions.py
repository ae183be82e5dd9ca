import torch
from torch.utils.data import (BatchSampler, DataLoader, IterableDataset,
                              SequentialSampler, TensorDataset)

dataset = TensorDataset(torch.arange(10))
batches = BatchSampler(SequentialSampler(dataset), batch_size=4, drop_last=False)

attempts = {
    "sampler + shuffle": dict(sampler=SequentialSampler(dataset), shuffle=True),
    "batch_sampler + batch_size": dict(batch_sampler=batches, batch_size=4),
    "batch_sampler + drop_last": dict(batch_sampler=batches, drop_last=True),
}
for name, kwargs in attempts.items():
    try:
        DataLoader(dataset, **kwargs)
    except ValueError as e:
        print(f"{name}: ValueError: {e}")


class Stream(IterableDataset):
    # Iterable-style: yields samples, has no keys to sample from
    def __iter__(self):
        return iter(range(5))


for name, kwargs in {"shuffle": dict(shuffle=True),
                     "sampler": dict(sampler=[0, 1])}.items():
    try:
        DataLoader(Stream(), **kwargs)
    except ValueError as e:
        print(f"IterableDataset + {name}: ValueError: {e}")
print(f"IterableDataset batches: {[b.tolist() for b in DataLoader(Stream(), batch_size=2)]}")
