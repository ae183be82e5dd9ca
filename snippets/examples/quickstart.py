import os
import tempfile

import matplotlib.pyplot as plt
import torch
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
# Data: 60,000 training and 10,000 test images, 28x28 grey levels in [0, 1]
# (PIL image -> uint8 tensor -> float32 scaled from 0..255 to 0..1)
transform = v2.Compose([v2.ToImage(), v2.ToDtype(torch.float32, scale=True)])
training_data = datasets.FashionMNIST(root="data", train=True, download=True, transform=transform)
test_data = datasets.FashionMNIST(root="data", train=False, download=True, transform=transform)

batch_size = 64
train_dataloader = DataLoader(training_data, batch_size=batch_size)
test_dataloader = DataLoader(test_data, batch_size=batch_size)

for X, y in test_dataloader:
    print(f"Shape of X [N, C, H, W]: {X.shape}")
    print(f"Shape of y: {y.shape} {y.dtype}")
    break


# %%
# Model: flatten 28x28 -> 784, then 784-512-512-10 with ReLU in between
class NeuralNetwork(nn.Module):
    def __init__(self):
        super().__init__()
        self.flatten = nn.Flatten()
        self.linear_relu_stack = nn.Sequential(
            nn.Linear(28 * 28, 512),
            nn.ReLU(),
            nn.Linear(512, 512),
            nn.ReLU(),
            nn.Linear(512, 10),
        )

    def forward(self, x):
        x = self.flatten(x)
        logits = self.linear_relu_stack(x)
        return logits


model = NeuralNetwork().to(device)
print(model)

# %%
loss_fn = nn.CrossEntropyLoss()
optimizer = torch.optim.SGD(model.parameters(), lr=1e-3)


def train(dataloader, model, loss_fn, optimizer):
    size = len(dataloader.dataset)
    model.train()
    for batch, (X, y) in enumerate(dataloader):
        X, y = X.to(device), y.to(device)

        # Compute prediction error
        pred = model(X)
        loss = loss_fn(pred, y)

        # Backpropagation
        loss.backward()
        optimizer.step()
        optimizer.zero_grad()

        if batch % 100 == 0:
            loss, current = loss.item(), (batch + 1) * len(X)
            print(f"loss: {loss:>7f}  [{current:>5d}/{size:>5d}]")


def test(dataloader, model, loss_fn):
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
    return correct


# %%
classes = [
    "T-shirt/top",
    "Trouser",
    "Pullover",
    "Dress",
    "Coat",
    "Sandal",
    "Shirt",
    "Sneaker",
    "Bag",
    "Ankle boot",
]
epochs = 5


# The work goes in main(): train, save, reload, predict, plot. The guard below runs it when
# this file is executed (python quickstart.py, or this notebook), not when it is imported
# (from quickstart import NeuralNetwork) or re-imported by a spawned DataLoader worker.
def main():
    accuracies = []
    for t in range(epochs):
        print(f"Epoch {t + 1}\n-------------------------------")
        train(train_dataloader, model, loss_fn, optimizer)
        accuracies.append(test(test_dataloader, model, loss_fn))
    print("Done!")

    # Save the parameters only, then load them into a freshly built model
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "model.pth")
        torch.save(model.state_dict(), path)
        print("Saved PyTorch Model State to model.pth")

        reloaded = NeuralNetwork().to(device)
        print(reloaded.load_state_dict(torch.load(path, weights_only=True)))

    reloaded.eval()
    x, y = test_data[0][0], test_data[0][1]
    with torch.no_grad():
        pred = reloaded(x.unsqueeze(0).to(device))  # add the batch dimension: [1, 1, 28, 28]
        predicted, actual = classes[pred[0].argmax(0)], classes[y]
        print(f'Predicted: "{predicted}", Actual: "{actual}"')

    plt.figure(figsize=(3, 3), layout="constrained")
    plt.imshow(x.squeeze(), cmap="gray")
    plt.title(f"predicted: {predicted}\nactual: {actual}")
    plt.axis("off")
    plt.show()

    plt.figure(figsize=(5, 3), layout="constrained")
    plt.plot(range(1, epochs + 1), [100 * a for a in accuracies], marker="o")
    plt.xlabel("epoch")
    plt.ylabel("test accuracy (%)")
    plt.xticks(range(1, epochs + 1))
    plt.grid(True)
    plt.show()


if __name__ == "__main__":
    print(f"__name__ is {__name__!r}: running main()")
    main()
