import os
import tempfile

import matplotlib.pyplot as plt
import torch
from tensorboard.backend.event_processing.event_multiplexer import EventMultiplexer
from torch import nn
from torch.utils.tensorboard import SummaryWriter

torch.manual_seed(0)
x = torch.linspace(-1, 1, 64).unsqueeze(1)
y = 3 * x + 1 + 0.1 * torch.randn_like(x)

with tempfile.TemporaryDirectory() as tmp:
    logdir = os.path.join(tmp, "runs")  # what you would pass to --logdir
    for lr in (0.01, 0.1):
        model = nn.Linear(1, 1)
        optimizer = torch.optim.SGD(model.parameters(), lr=lr)
        # one sub-folder per experiment = one run (one curve) in TensorBoard
        with SummaryWriter(os.path.join(logdir, f"lr_{lr}")) as writer:
            for step in range(100):
                loss = nn.functional.mse_loss(model(x), y)
                optimizer.zero_grad()
                loss.backward()
                optimizer.step()
                writer.add_scalar("loss/train", loss.item(), step)
            writer.add_scalar("weight/w", model.weight.item(), step)

    # TensorBoard scans --logdir recursively; every folder with event files is a run
    mux = EventMultiplexer().AddRunsFromDirectory(logdir)
    mux.Reload()
    for run, tags in sorted(mux.Runs().items()):
        points = mux.Scalars(run, "loss/train")
        w = mux.Scalars(run, "weight/w")[-1].value
        print(
            f"run {run}: tags {tags['scalars']}, {len(points)} points, "
            f"final loss {points[-1].value:.4f}, w {w:.3f}"
        )
        plt.plot([p.step for p in points], [p.value for p in points], label=run)

plt.yscale("log")
plt.xlabel("step")
plt.ylabel("loss/train")
plt.title("Curves read back from the event files")
plt.legend()
plt.show()
