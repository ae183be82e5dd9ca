import torch
from torch import nn
from torch.utils.data import DataLoader, TensorDataset

torch.manual_seed(0)
device = (
    torch.accelerator.current_accelerator()
    if torch.accelerator.is_available()
    else torch.device("cpu")
)
print(f"Using {device} device")


# Synthetic data: 2-D points, class = which of 3 rings (by radius) they lie in
def make_rings(n):
    r = torch.rand(n) * 3
    angle = torch.rand(n) * 2 * torch.pi
    X = torch.stack([r * angle.cos(), r * angle.sin()], dim=1)
    return X, r.long()  # radius 0-1 -> 0, 1-2 -> 1, 2-3 -> 2


train_loader = DataLoader(TensorDataset(*make_rings(960)), batch_size=64, shuffle=True)
test_loader = DataLoader(TensorDataset(*make_rings(320)), batch_size=64)

model = nn.Sequential(
    nn.Linear(2, 64),
    nn.BatchNorm1d(64),
    nn.ReLU(),
    nn.Dropout(0.1),
    nn.Linear(64, 3),
).to(device)
loss_fn = nn.CrossEntropyLoss()
optimizer = torch.optim.Adam(model.parameters(), lr=0.03)


def train(dataloader, model, loss_fn, optimizer):
    size = len(dataloader.dataset)
    model.train()  # dropout on, batch norm uses batch statistics
    for batch, (inputs, targets) in enumerate(dataloader):
        inputs, targets = inputs.to(device), targets.to(device)

        pred = model(inputs)
        loss = loss_fn(pred, targets)

        optimizer.zero_grad()
        loss.backward()
        optimizer.step()

        if batch % 5 == 0:
            current = (batch + 1) * len(inputs)
            print(f"loss: {loss.item():>7f}  [{current:>4d}/{size:>4d}]")


def test(dataloader, model, loss_fn):
    size = len(dataloader.dataset)
    num_batches = len(dataloader)
    model.eval()  # dropout off, batch norm uses running statistics
    test_loss, correct = 0, 0
    with torch.no_grad():  # no graph: less memory, faster
        for inputs, targets in dataloader:
            inputs, targets = inputs.to(device), targets.to(device)
            pred = model(inputs)
            test_loss += loss_fn(pred, targets).item()
            correct += (pred.argmax(1) == targets).type(torch.float).sum().item()
    test_loss /= num_batches
    correct /= size
    print(f"Test Error: \n Accuracy: {(100 * correct):>0.1f}%, Avg loss: {test_loss:>8f} \n")


epochs = 5
for t in range(epochs):
    print(f"Epoch {t + 1}\n-------------------------------")
    train(train_loader, model, loss_fn, optimizer)
    test(test_loader, model, loss_fn)
print("Done!")
