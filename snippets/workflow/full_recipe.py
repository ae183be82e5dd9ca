import os
import tempfile

import torch
from torch import nn
from torch.utils.data import DataLoader, TensorDataset, random_split

torch.manual_seed(0)
device = (
    torch.accelerator.current_accelerator()
    if torch.accelerator.is_available()
    else torch.device("cpu")
)


# 1. Model
class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.layers = nn.Sequential(nn.Linear(2, 16), nn.ReLU(), nn.Linear(16, 3))

    def forward(self, x):
        return self.layers(x)


# 2. Data: three 2-D point clouds, labels 0/1/2
centers = torch.tensor([[-2.0, 0.0], [2.0, 0.0], [0.0, 2.5]])
y = torch.arange(3).repeat_interleave(200)
X = centers[y] + torch.randn(600, 2)
dataset = TensorDataset(X, y)

# 3. Hyper-parameters
batch_size, epochs, learning_rate = 32, 5, 0.1

# 4. Loss function
loss_fn = nn.CrossEntropyLoss()


# 6. Train and test functions (step 6's, returning numbers instead of printing)
def train_loop(dataloader, model, loss_fn, optimizer):
    model.train()
    total = 0.0
    for X, y in dataloader:
        X, y = X.to(device), y.to(device)
        loss = loss_fn(model(X), y)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        total += loss.item()
    return total / len(dataloader)


def test_loop(dataloader, model, loss_fn):
    model.eval()
    test_loss, correct = 0.0, 0
    with torch.no_grad():
        for X, y in dataloader:
            X, y = X.to(device), y.to(device)
            pred = model(X)
            test_loss += loss_fn(pred, y).item()
            correct += (pred.argmax(1) == y).sum().item()
    return test_loss / len(dataloader), correct / len(dataloader.dataset)


# 7. Instantiate: datasets, loaders, model, and (5.) the optimizer
train_data, test_data = random_split(dataset, [0.8, 0.2])
train_loader = DataLoader(train_data, batch_size=batch_size, shuffle=True)
test_loader = DataLoader(test_data, batch_size=batch_size)
model = Net().to(device)
optimizer = torch.optim.SGD(model.parameters(), lr=learning_rate)

# 8. Run: train one epoch, then test, `epochs` times
for epoch in range(epochs):
    train_loss = train_loop(train_loader, model, loss_fn, optimizer)
    test_loss, accuracy = test_loop(test_loader, model, loss_fn)
    print(
        f"epoch {epoch + 1:2}: train loss {train_loss:.4f}, "
        f"test loss {test_loss:.4f}, accuracy {100 * accuracy:.1f}%"
    )

# 9. Save the weights, then load them into a fresh model and predict
with tempfile.TemporaryDirectory() as tmp:
    path = os.path.join(tmp, "model_weights.pth")
    torch.save(model.state_dict(), path)
    restored = Net().to(device)
    restored.load_state_dict(torch.load(path, weights_only=True))

restored.eval()
points = torch.tensor([[-2.0, 0.0], [2.0, 0.0], [0.0, 2.5]], device=device)
with torch.no_grad():
    predicted = restored(points).argmax(1).tolist()
print(f"predicted classes for the three centres: {predicted}")
