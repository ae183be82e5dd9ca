import torch
from torch.utils.data import Dataset


class Squares(Dataset):
    def __init__(self, n):
        self.n = n

    def __getitem__(self, idx):
        x = torch.tensor(float(idx))
        return x, x**2

    def __len__(self):
        return self.n


small, tiny = Squares(5), Squares(3)
print(f"len(small) = {len(small)}, small[3] = {small[3]}")
both = small + tiny  # a ConcatDataset: tiny's items come after small's
print(f"len(small + tiny) = {len(both)}")
print(f"(small + tiny)[7] = {both[7]}")  # index 7 is tiny[2]
