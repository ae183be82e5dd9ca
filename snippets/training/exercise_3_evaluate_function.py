import torch
from torch import nn
from torch.utils.data import DataLoader, TensorDataset

torch.manual_seed(0)
X = torch.randn(10, 4)
y = torch.randint(0, 3, (10,))
loader = DataLoader(TensorDataset(X, y), batch_size=4)  # batches of 4, 4 and 2

model = nn.Sequential(nn.Linear(4, 8), nn.BatchNorm1d(8), nn.ReLU(), nn.Linear(8, 3))
loss_fn = nn.CrossEntropyLoss()


def evaluate(model, loader, loss_fn):
    model.eval()  # BatchNorm uses its running statistics and updates nothing
    total_loss, correct, count = 0.0, 0, 0
    with torch.no_grad():
        for inputs, targets in loader:
            pred = model(inputs)
            total_loss += loss_fn(pred, targets).item() * len(inputs)  # batch mean x size
            correct += (pred.argmax(1) == targets).sum().item()
            count += len(inputs)
    return total_loss / count, correct / count


running_mean = model[1].running_mean.clone()
loss, acc = evaluate(model, loader, loss_fn)
print(f"evaluate: mean loss {loss:.4f}, accuracy {acc:.1%}")
with torch.no_grad():
    print(f"whole set at once: mean loss {loss_fn(model(X), y).item():.4f}")
print(f"BatchNorm running_mean unchanged: {torch.equal(running_mean, model[1].running_mean)}")

# The same loop without model.eval(): BatchNorm learns from the test data
model.train()
with torch.no_grad():
    for inputs, _ in loader:
        model(inputs)
print(f"without eval(), unchanged: {torch.equal(running_mean, model[1].running_mean)}")
