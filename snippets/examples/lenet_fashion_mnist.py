import torch
import torch.nn.functional as F
from torch import nn
from torch.utils.data import DataLoader
from torchvision import datasets
from torchvision.transforms import v2

torch.manual_seed(0)
device = (
    torch.accelerator.current_accelerator()
    if torch.accelerator.is_available()
    else torch.device("cpu")
)
print(f"Using {device} device")


# %%
# LeNet-5 with 5x5 kernels: 32x32 input -> 28 -> 14 -> 10 -> 5, so fc1 takes 16 * 5 * 5
class LeNet(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(1, 6, 5)
        self.conv2 = nn.Conv2d(6, 16, 5)
        self.fc1 = nn.Linear(16 * 5 * 5, 120)
        self.fc2 = nn.Linear(120, 84)
        self.fc3 = nn.Linear(84, 10)

    def forward(self, x):
        x = F.max_pool2d(F.relu(self.conv1(x)), 2)
        x = F.max_pool2d(F.relu(self.conv2(x)), 2)
        x = torch.flatten(x, 1)
        x = F.relu(self.fc1(x))
        x = F.relu(self.fc2(x))
        return self.fc3(x)


# %%
# Fashion-MNIST images are 28x28: pad 2 pixels on every side to get LeNet's 32x32
transform = v2.Compose([v2.ToImage(), v2.ToDtype(torch.float32, scale=True), v2.Pad(2)])
train_dataset = datasets.FashionMNIST(root="data", train=True, download=True, transform=transform)
test_dataset = datasets.FashionMNIST(root="data", train=False, download=True, transform=transform)

batch_size = 64
train_dataloader = DataLoader(train_dataset, batch_size=batch_size, shuffle=True)
test_dataloader = DataLoader(test_dataset, batch_size=batch_size)
print(f"one image: {tuple(train_dataset[0][0].shape)}")


# %%
def train_loop(dataloader, model, loss_fn, optimizer):
    size = len(dataloader.dataset)
    model.train()
    for batch, (X, y) in enumerate(dataloader):
        X, y = X.to(device), y.to(device)
        pred = model(X)
        loss = loss_fn(pred, y)

        optimizer.zero_grad()
        loss.backward()
        optimizer.step()

        if batch % 300 == 0:
            loss, current = loss.item(), (batch + 1) * len(X)
            print(f"loss: {loss:>7f}  [{current:>5d}/{size:>5d}]")


def test_loop(dataloader, model, loss_fn):
    size = len(dataloader.dataset)
    num_batches = len(dataloader)
    model.eval()
    test_loss, correct = 0, 0
    with torch.no_grad():
        for X, y in dataloader:
            X, y = X.to(device), y.to(device)
            pred = model(X)
            test_loss += loss_fn(pred, y).item()
            correct += (pred.argmax(1) == y).type(torch.float).sum().item()
    test_loss /= num_batches
    correct /= size
    print(f"Test Error: \n Accuracy: {(100 * correct):>0.1f}%, Avg loss: {test_loss:>8f} \n")


# %%
# The same network and data, trained with two optimizer settings for 2 epochs each
settings = {
    "SGD(lr=1e-3)  (the notes' setting)": dict(lr=1e-3),
    "SGD(lr=1e-2, momentum=0.9)": dict(lr=1e-2, momentum=0.9),
}
epochs = 2
loss_fn = nn.CrossEntropyLoss()
for name, kwargs in settings.items():
    print(f"=== {name} ===")
    torch.manual_seed(0)  # same initial weights and batch order for both
    model = LeNet().to(device)
    optimizer = torch.optim.SGD(model.parameters(), **kwargs)
    for t in range(epochs):
        print(f"Epoch {t + 1}\n-------------------------------")
        train_loop(train_dataloader, model, loss_fn, optimizer)
        test_loop(test_dataloader, model, loss_fn)
print("Done!")

# %%
# The 10 outputs are logits (any real numbers), not probabilities; softmax makes them
# probabilities. One test image, scored by the last model trained above.
model.eval()
image, label = test_dataset[0]
with torch.no_grad():
    logits = model(image.unsqueeze(0).to(device))[0]  # add the batch dimension, then drop it
probabilities = torch.softmax(logits, dim=0)
print("logits:        " + " ".join(f"{v:6.2f}" for v in logits.tolist()))
print(f"sum of logits: {logits.sum().item():.2f}")
print("probabilities: " + " ".join(f"{p:6.4f}" for p in probabilities.tolist()))
print(f"sum of probabilities: {probabilities.sum().item():.4f}")
predicted = probabilities.argmax().item()
print(
    f"predicted: {predicted} ({test_dataset.classes[predicted]}), "
    f"probability {probabilities[predicted].item():.4f}; "
    f"actual: {label} ({test_dataset.classes[label]})"
)
print(f"same class as the largest logit: {predicted == logits.argmax().item()}")
top = probabilities.topk(3)  # the three most likely classes, by name
for rank, (p, i) in enumerate(zip(top.values.tolist(), top.indices.tolist()), 1):
    print(f"top {rank}: class {i} ({test_dataset.classes[i]}), probability {p:.4f}")
