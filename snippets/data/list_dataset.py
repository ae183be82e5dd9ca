from torch.utils.data import ConcatDataset, Dataset


class MyDataset(Dataset):
    def __init__(self, my_list):
        super().__init__()
        self.my_list = my_list

    def __getitem__(self, idx):  # required: one sample for one key
        return {"input_ids": self.my_list[idx]}

    def __len__(self):  # needed by the default sampler and len(loader)
        return len(self.my_list)


a = MyDataset([[1, 2], [3, 4], [5, 6]])
b = MyDataset([[7, 8], [9, 10]])
print(f"len(a): {len(a)}, a[0]: {a[0]}")

both = a + b  # Dataset.__add__ builds a ConcatDataset
print(f"type: {type(both).__name__}, is ConcatDataset: {isinstance(both, ConcatDataset)}")
print(f"len(a + b): {len(both)}, (a + b)[3]: {both[3]}")

# The base class implements neither method
try:
    Dataset()[0]
except NotImplementedError as e:
    print(f"NotImplementedError: {e}")
try:
    len(Dataset())
except TypeError as e:
    print(f"TypeError: {e}")
