import torch
from torch import nn
from torch.optim import SGD
from torch.utils.data import DataLoader, TensorDataset

torch.manual_seed(0)

# 64 samples, 10 features -> 3 targets; batches of 16 = 4 batches per epoch
X = torch.randn(64, 10)
Y = X @ torch.randn(10, 3)
dataloader = DataLoader(TensorDataset(X, Y), batch_size=16, shuffle=True)


def make_model():
    torch.manual_seed(1)  # same initial weights for both runs
    return nn.Sequential(nn.Linear(10, 32), nn.ReLU(), nn.Linear(32, 3))


loss_fn = nn.L1Loss()

# Whole batch: add up the loss of every batch, one update per epoch
model = make_model()
optimizer = SGD(model.parameters(), lr=0.01, momentum=0.9)
for epoch in range(5):
    loss_epoch = 0
    for x, y in dataloader:
        y_hat = model(x)
        loss_epoch += loss_fn(y_hat, y)  # (prediction, target)
    optimizer.zero_grad()
    loss_epoch.backward()
    optimizer.step()  # the optimizer steps, not the loss
    mean_loss = loss_epoch.item() / len(dataloader)
    print(f"whole batch  epoch {epoch}: updates=1  loss={mean_loss:.4f}")

# Mini-batch: one update per batch
model = make_model()
optimizer = SGD(model.parameters(), lr=0.01, momentum=0.9)
for epoch in range(5):
    loss_epoch, updates = 0.0, 0
    for x, y in dataloader:
        y_hat = model(x)
        loss = loss_fn(y_hat, y)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        loss_epoch += loss.item()
        updates += 1
    mean_loss = loss_epoch / updates
    print(f"mini-batch   epoch {epoch}: updates={updates}  loss={mean_loss:.4f}")

# Same whole-batch gradient without holding every batch's graph:
# call backward per batch (gradients add up in .grad), step once.
model = make_model()
sum(loss_fn(model(x), y) for x, y in dataloader).backward()
g_sum = model[0].weight.grad.clone()
model.zero_grad()
for x, y in dataloader:
    loss_fn(model(x), y).backward()
print(f"same gradient both ways: {torch.allclose(g_sum, model[0].weight.grad)}")
