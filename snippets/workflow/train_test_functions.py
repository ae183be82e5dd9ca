import torch
from torch import nn
from torch.utils.data import DataLoader, TensorDataset, random_split

torch.manual_seed(0)

# The running example: three point clouds, a small MLP, 20% held out for testing
centers = torch.tensor([[-2.0, 0.0], [2.0, 0.0], [0.0, 2.5]])
y = torch.arange(3).repeat_interleave(200)
X = centers[y] + torch.randn(600, 2)
train_data, test_data = random_split(TensorDataset(X, y), [0.8, 0.2])
train_loader = DataLoader(train_data, batch_size=32, shuffle=True)
test_loader = DataLoader(test_data, batch_size=32)
model = nn.Sequential(nn.Linear(2, 16), nn.ReLU(), nn.Linear(16, 3))
loss_fn = nn.CrossEntropyLoss()
optimizer = torch.optim.SGD(model.parameters(), lr=0.1)


# Step 6: one epoch of training, wrapped in a function
def train_loop(dataloader, model, loss_fn, optimizer):
    size = len(dataloader.dataset)
    model.train()  # training mode (already the default; matters for dropout/batch norm)
    for batch, (X, y) in enumerate(dataloader):
        pred = model(X)  # forward pass
        loss = loss_fn(pred, y)  # how wrong is it?

        optimizer.zero_grad()  # backpropagation: clear, compute, update
        loss.backward()
        optimizer.step()

        if batch % 5 == 0:
            current = (batch + 1) * len(X)
            print(f"loss: {loss.item():>7f}  [{current:>3d}/{size:>3d}]")


# ... and one pass over the test set, without gradients
def test_loop(dataloader, model, loss_fn):
    size = len(dataloader.dataset)
    num_batches = len(dataloader)
    model.eval()  # inference mode
    test_loss, correct = 0, 0
    with torch.no_grad():
        for X, y in dataloader:
            pred = model(X)
            test_loss += loss_fn(pred, y).item()
            correct += (pred.argmax(1) == y).type(torch.float).sum().item()
    test_loss /= num_batches  # mean loss per batch
    correct /= size  # fraction of samples classified right
    print(f"Test: accuracy {100 * correct:>0.1f}%, avg loss {test_loss:>8f}")


test_loop(test_loader, model, loss_fn)  # untrained: about chance level
train_loop(train_loader, model, loss_fn, optimizer)
test_loop(test_loader, model, loss_fn)
