import torch
from torch import nn

torch.manual_seed(0)

model = nn.Linear(2, 3)
X, y = torch.randn(8, 2), torch.randint(0, 3, (8,))
loss_fn = nn.CrossEntropyLoss()

# Step 5: the optimizer gets the parameters to update and the learning rate
optimizer = torch.optim.SGD(model.parameters(), lr=0.1)

loss = loss_fn(model(X), y)
before = model.weight.detach().clone()
print(f"loss before: {loss.item():.4f}, grad before backward: {model.weight.grad}")

optimizer.zero_grad()  # 1. clear gradients left from the previous batch
loss.backward()  # 2. compute d(loss)/d(parameter) into each .grad
optimizer.step()  # 3. update every parameter from its .grad

grad = model.weight.grad
print(f"weight.grad shape: {grad.shape}")
expected = before - 0.1 * grad
print(f"plain SGD did w - lr * grad: {torch.allclose(model.weight, expected)}")
print(f"loss after one step: {loss_fn(model(X), y).item():.4f}")

optimizer.zero_grad()
print(f"grad after zero_grad(): {model.weight.grad}")  # set to None by default
