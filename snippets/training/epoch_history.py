import matplotlib.pyplot as plt
import torch
from torch import nn
from torch.utils.data import DataLoader, TensorDataset

torch.manual_seed(0)
device = (
    torch.accelerator.current_accelerator()
    if torch.accelerator.is_available()
    else torch.device("cpu")
)


def make_rings(n):  # class = which ring (radius 0-1, 1-2, 2-3) a point lies in
    r = torch.rand(n) * 3
    angle = torch.rand(n) * 2 * torch.pi
    return torch.stack([r * angle.cos(), r * angle.sin()], dim=1), r.long()


train_loader = DataLoader(TensorDataset(*make_rings(960)), batch_size=64, shuffle=True)
test_loader = DataLoader(TensorDataset(*make_rings(320)), batch_size=64)
model = nn.Sequential(
    nn.Linear(2, 64), nn.BatchNorm1d(64), nn.ReLU(), nn.Dropout(0.1), nn.Linear(64, 3)
).to(device)
loss_fn = nn.CrossEntropyLoss()
optimizer = torch.optim.Adam(model.parameters(), lr=0.03)


def run_epoch(loader, train):
    """One pass over loader; returns (mean loss per sample, accuracy)."""
    model.train(train)  # model.train(False) is model.eval()
    total_loss, correct = 0.0, 0
    with torch.set_grad_enabled(train):  # no graph when evaluating
        for inputs, targets in loader:
            inputs, targets = inputs.to(device), targets.to(device)
            pred = model(inputs)
            loss = loss_fn(pred, targets)
            if train:
                optimizer.zero_grad()
                loss.backward()
                optimizer.step()
            total_loss += loss.item() * len(inputs)
            correct += (pred.argmax(1) == targets).sum().item()
    n = len(loader.dataset)
    return total_loss / n, correct / n


history = {"train_loss": [], "train_acc": [], "test_loss": [], "test_acc": []}
print("epoch  train loss  train acc  test loss  test acc")
for epoch in range(1, 9):
    train_loss, train_acc = run_epoch(train_loader, train=True)
    test_loss, test_acc = run_epoch(test_loader, train=False)
    for key, value in zip(history, (train_loss, train_acc, test_loss, test_acc)):
        history[key].append(value)
    print(f"{epoch:5d}  {train_loss:10.4f}  {train_acc:9.1%}  {test_loss:9.4f}  {test_acc:8.1%}")

epochs = range(1, 9)
fig, (ax1, ax2) = plt.subplots(1, 2, figsize=(9, 3.5))
ax1.plot(epochs, history["train_loss"], "o-", label="train")
ax1.plot(epochs, history["test_loss"], "o-", label="test")
ax1.set(xlabel="epoch", ylabel="loss", title="Loss")
ax2.plot(epochs, history["train_acc"], "o-", label="train")
ax2.plot(epochs, history["test_acc"], "o-", label="test")
ax2.set(xlabel="epoch", ylabel="accuracy", title="Accuracy")
ax1.legend()
fig.tight_layout()
plt.show()
