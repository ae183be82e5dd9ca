import os
import tempfile

import torch
from torch import nn

torch.manual_seed(0)
x = torch.randn(64, 3)
y = x @ torch.tensor([[1.0], [-2.0], [0.5]]) + 0.3


def make():
    torch.manual_seed(1)  # same starting weights every time
    model = nn.Linear(3, 1)
    optimizer = torch.optim.SGD(model.parameters(), lr=0.05, momentum=0.9)
    return model, optimizer


def train(model, optimizer, first_epoch, last_epoch):
    for epoch in range(first_epoch, last_epoch):
        loss = nn.functional.mse_loss(model(x), y)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        print(f"  epoch {epoch}: loss {loss.item():.4f}")
    return loss.item()


print("one run of 6 epochs:")
model, optimizer = make()
train(model, optimizer, 0, 6)

with tempfile.TemporaryDirectory() as tmp:
    path = os.path.join(tmp, "checkpoint.pth")

    print("3 epochs, then save a checkpoint:")
    model, optimizer = make()
    loss = train(model, optimizer, 0, 3)
    checkpoint = {
        "epoch": 3,  # the next epoch to run
        "model_state_dict": model.state_dict(),
        "optimizer_state_dict": optimizer.state_dict(),
        "loss": loss,
    }
    torch.save(checkpoint, path)

    print("a new process would start here: rebuild, load, resume:")
    model = nn.Linear(3, 1)
    optimizer = torch.optim.SGD(model.parameters(), lr=0.05, momentum=0.9)
    checkpoint = torch.load(path, weights_only=True)
    model.load_state_dict(checkpoint["model_state_dict"])
    optimizer.load_state_dict(checkpoint["optimizer_state_dict"])
    start = checkpoint["epoch"]
    print(f"  resuming at epoch {start}, saved loss {checkpoint['loss']:.4f}")
    model.train()  # or model.eval() to use it for inference
    train(model, optimizer, start, 6)

    print("same, but without the optimizer state (momentum starts from zero):")
    model = nn.Linear(3, 1)
    optimizer = torch.optim.SGD(model.parameters(), lr=0.05, momentum=0.9)
    model.load_state_dict(checkpoint["model_state_dict"])
    train(model, optimizer, start, 6)
