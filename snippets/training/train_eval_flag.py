import torch
from torch import nn

torch.manual_seed(0)


class Noisy(nn.Module):
    """Adds noise while training only: the same switch Dropout and BatchNorm use."""

    def forward(self, x):
        if self.training:
            return x + torch.randn_like(x)
        return x


model = nn.Sequential(nn.Linear(2, 2), Noisy(), nn.Dropout(0.5))


def flags(m):
    return {name or "model": sub.training for name, sub in m.named_modules()}


print(f"new model:      {flags(model)}")  # modules start in training mode
returned = model.eval()  # sets .training = False on every submodule
print(f"after eval():   {flags(model)}")
print(f"eval() returns the model itself: {returned is model}")
model.train()
print(f"after train():  {flags(model)}")
model.train(False)  # exactly what eval() does
print(f"train(False):   {flags(model)}")

# Our module follows the flag like the built-in ones
x = torch.ones(1, 2)
noisy = model[1]
model.train()
print(f"train: Noisy gives the same output twice? {torch.equal(noisy(x), noisy(x))}")
model.eval()
print(f"eval:  Noisy gives the same output twice? {torch.equal(noisy(x), noisy(x))}")

# The mode changes behaviour, not gradient tracking
print(f"eval output requires_grad: {model(x).requires_grad}")
try:
    model.train("eval")  # mode must be a bool
except ValueError as e:
    print(f"ValueError: {e}")
