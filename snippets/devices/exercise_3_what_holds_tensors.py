import torch
from torch import nn

modules = {
    "ReLU()": nn.ReLU(),
    "Dropout(0.5)": nn.Dropout(0.5),
    "MSELoss()": nn.MSELoss(),
    "CrossEntropyLoss(weight=w)": nn.CrossEntropyLoss(weight=torch.tensor([1.0, 2.0, 3.0])),
    "Linear(4, 2)": nn.Linear(4, 2),
    "BatchNorm1d(4)": nn.BatchNorm1d(4),
}
# .to(device) moves exactly what parameters() and buffers() hold
for name, m in modules.items():
    params = [n for n, _ in m.named_parameters()]
    buffers = [n for n, _ in m.named_buffers()]
    verdict = "must move" if params or buffers else "nothing to move"
    print(f"{name:<27} parameters {params}, buffers {buffers}: {verdict}")
