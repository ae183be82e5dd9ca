import torch
from torch import nn

torch.manual_seed(0)


class Wrapper(nn.Module):
    # Keeps the real model as .module, as nn.DataParallel and DDP do
    def __init__(self, module):
        super().__init__()
        self.module = module

    def forward(self, x):
        return self.module(x)


wrapped = Wrapper(nn.Linear(3, 1))
saved = wrapped.state_dict()
print(f"saved keys: {list(saved)}")

model = nn.Linear(3, 1)
try:
    model.load_state_dict(saved)
except RuntimeError as e:
    print(f"RuntimeError: {e}")

# Fix 1: strip the prefix from the keys
stripped = {k.removeprefix("module."): v for k, v in saved.items()}
print(model.load_state_dict(stripped))
# Fix 2 (better): save the inner model in the first place
print(f"inner model's keys: {list(wrapped.module.state_dict())}")
