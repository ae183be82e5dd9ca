import os
import tempfile

import torch
from tensorboard.backend.event_processing.event_accumulator import EventAccumulator
from torch import nn
from torch.utils.tensorboard import SummaryWriter

torch.manual_seed(0)
x = torch.randn(80, 1)
y = 3 * x + 1 + 0.1 * torch.randn_like(x)
x_train, y_train, x_test, y_test = x[:60], y[:60], x[60:], y[60:]

model = nn.Linear(1, 1)
loss_fn = nn.MSELoss()
optimizer = torch.optim.SGD(model.parameters(), lr=0.1)

with tempfile.TemporaryDirectory() as tmp:
    log_dir = os.path.join(tmp, "runs", "linear")
    with SummaryWriter(log_dir) as writer:
        for epoch in range(5):
            loss = loss_fn(model(x_train), y_train)
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
            with torch.no_grad():
                test_loss = loss_fn(model(x_test), y_test)
            # one "loss" section in TensorBoard, two curves in it
            writer.add_scalar("loss/train", loss.item(), epoch)
            writer.add_scalar("loss/test", test_loss.item(), epoch)

    acc = EventAccumulator(log_dir)
    acc.Reload()
    print(f"scalar tags: {acc.Tags()['scalars']}")
    for tag in acc.Tags()["scalars"]:
        values = " ".join(f"{e.value:.4f}" for e in acc.Scalars(tag))
        print(f"{tag:<10} steps 0-4: {values}")
