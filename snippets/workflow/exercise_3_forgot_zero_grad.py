import torch
from torch import nn

torch.manual_seed(0)
model = nn.Linear(2, 3)
X, y = torch.randn(8, 2), torch.randint(0, 3, (8,))
loss_fn = nn.CrossEntropyLoss()

loss_fn(model(X), y).backward()
first = model.weight.grad.clone()
print(f"gradient after one backward:\n{first}")

# Same batch again, but without optimizer.zero_grad() in between
loss_fn(model(X), y).backward()
print(f"after a second backward without zero_grad:\n{model.weight.grad}")
print(f"exactly twice the first: {torch.equal(model.weight.grad, 2 * first)}")
