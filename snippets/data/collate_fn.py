import torch
from torch.nn.utils.rnn import pad_sequence
from torch.utils.data import DataLoader

# The default collate_fn stacks samples field by field, also inside dicts
samples = [{"input_ids": torch.tensor([1, 2]), "label": 0},
           {"input_ids": torch.tensor([3, 4]), "label": 1}]
batch = next(iter(DataLoader(samples, batch_size=2)))
print(f"default collate: {batch}")

# Samples of different lengths cannot be stacked
sentences = [torch.tensor([1, 2, 3]), torch.tensor([4]), torch.tensor([5, 6])]
try:
    next(iter(DataLoader(sentences, batch_size=3)))
except RuntimeError as e:
    print(f"RuntimeError: {e}")


def pad_collate(batch):
    # Receives the list of samples, returns the batch: pad to the longest
    lengths = torch.tensor([len(s) for s in batch])
    return pad_sequence(batch, batch_first=True, padding_value=0), lengths


padded, lengths = next(iter(DataLoader(sentences, batch_size=3, collate_fn=pad_collate)))
print(f"padded batch:\n{padded}\nlengths: {lengths}")
