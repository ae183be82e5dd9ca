import torch
from torch.utils.data import DataLoader, TensorDataset

dataset = TensorDataset(torch.arange(8))


def first_epochs(seed, epochs=2):
    g = torch.Generator().manual_seed(seed)
    loader = DataLoader(dataset, batch_size=4, shuffle=True, generator=g)
    return [[x.tolist() for (x,) in loader] for _ in range(epochs)]


run_a, run_b, run_c = first_epochs(0), first_epochs(0), first_epochs(1)
print(f"seed 0, first run:  {run_a}")
print(f"seed 0, second run: {run_b}")
print(f"seed 1:             {run_c}")
print(f"same seed, same order: {run_a == run_b}")
