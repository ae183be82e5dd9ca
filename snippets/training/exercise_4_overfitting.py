import torch
from torch import nn

torch.manual_seed(0)


# y = sin(x) plus noise; only 10 training points, 200 test points
def make_data(n):
    x = torch.rand(n, 1) * 6 - 3
    return x, torch.sin(x) + 0.3 * torch.randn(n, 1)


x_train, y_train = make_data(10)
x_test, y_test = make_data(200)

# Far more parameters than training points
model = nn.Sequential(nn.Linear(1, 32), nn.ReLU(), nn.Linear(32, 32), nn.ReLU(), nn.Linear(32, 1))
loss_fn = nn.MSELoss()
optimizer = torch.optim.Adam(model.parameters(), lr=0.02)

best_loss, best_epoch = float("inf"), 0
for epoch in range(1, 201):
    model.train()
    loss = loss_fn(model(x_train), y_train)
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()

    model.eval()
    with torch.no_grad():
        test_loss = loss_fn(model(x_test), y_test).item()
    if test_loss < best_loss:
        best_loss, best_epoch = test_loss, epoch
    if epoch in (5, 15, 50, 100, 150, 200):
        print(f"epoch {epoch:>3}: train loss {loss.item():.4f}, test loss {test_loss:.4f}")
print(f"lowest test loss {best_loss:.4f} at epoch {best_epoch}")
