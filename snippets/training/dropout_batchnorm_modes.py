import torch
from torch import nn

torch.manual_seed(0)

model = nn.Sequential(nn.Linear(3, 4), nn.BatchNorm1d(4), nn.Dropout(0.5))
x = torch.randn(5, 3)  # a batch of 5 samples
sample = x[:1]


def show(label, t):  # first sample's output, rounded (+ 0.0 turns -0.0 into 0.0)
    print(f"{label:17} {[round(v, 4) + 0.0 for v in t[0].tolist()]}")


model.train()
show("train, call 1:", model(x))  # dropout: a new random mask each call
show("train, call 2:", model(x))
# BatchNorm in train mode normalises with the batch: other samples change the result
show("train, 2 samples:", model(x[:2]))
try:
    model(sample)  # one sample has no batch statistics
except ValueError as e:
    print(f"train, 1 sample -> ValueError: {e}")
print(f"running_mean after 3 train calls: {model[1].running_mean}")

model.eval()
show("eval, call 1:", model(x))  # deterministic
show("eval, call 2:", model(x))
show("eval, 1 sample:", model(sample))  # same numbers, whatever the batch
print(f"running_mean after eval calls:    {model[1].running_mean}")
