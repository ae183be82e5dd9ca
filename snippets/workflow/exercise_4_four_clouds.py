import torch
from torch import nn
from torch.utils.data import DataLoader, TensorDataset, random_split

torch.manual_seed(0)

# The three clouds plus a fourth one around (0, -2.5): labels 0..3, 200 points each
centers = torch.tensor([[-2.0, 0.0], [2.0, 0.0], [0.0, 2.5], [0.0, -2.5]])
y = torch.arange(4).repeat_interleave(200)
X = centers[y] + torch.randn(800, 2)
train_data, test_data = random_split(TensorDataset(X, y), [0.8, 0.2])
train_loader = DataLoader(train_data, batch_size=32, shuffle=True)
test_loader = DataLoader(test_data, batch_size=32)

# The only change to the model: 4 outputs, one per class
model = nn.Sequential(nn.Linear(2, 16), nn.ReLU(), nn.Linear(16, 4))
loss_fn = nn.CrossEntropyLoss()
optimizer = torch.optim.SGD(model.parameters(), lr=0.1)

for epoch in range(5):
    model.train()
    for xb, yb in train_loader:
        loss = loss_fn(model(xb), yb)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
    model.eval()
    with torch.no_grad():
        correct = sum((model(xb).argmax(1) == yb).sum().item() for xb, yb in test_loader)
    print(f"epoch {epoch + 1}: test accuracy {100 * correct / len(test_data):.1f}%")

with torch.no_grad():
    print(f"predicted classes for the four centres: {model(centers).argmax(1).tolist()}")
