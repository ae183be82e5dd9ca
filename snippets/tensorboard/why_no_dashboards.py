import os
import tempfile

from tensorboard.backend.event_processing.event_multiplexer import EventMultiplexer
from torch.utils.tensorboard import SummaryWriter


def what_tensorboard_sees(logdir):
    """Runs and their scalar tags under logdir, found as `tensorboard --logdir` does."""
    mux = EventMultiplexer().AddRunsFromDirectory(logdir)
    mux.Reload()
    return {run: tags["scalars"] for run, tags in sorted(mux.Runs().items())}


old_cwd = os.getcwd()
with tempfile.TemporaryDirectory() as project, tempfile.TemporaryDirectory() as elsewhere:
    os.chdir(project)  # the training script runs here
    with SummaryWriter("runs/exp1") as writer:
        for step in range(5):
            writer.add_scalar("loss", 1 / (step + 1), step)
    with SummaryWriter("runs/empty"):
        pass  # a writer that logged nothing still creates an event file

    print(f"cwd=project,   --logdir runs      : {what_tensorboard_sees('runs')}")
    print(f"cwd=project,   --logdir runs/exp1 : {what_tensorboard_sees('runs/exp1')}")
    print(f"cwd=project,   --logdir .         : {what_tensorboard_sees('.')}")
    print(f"cwd=project,   --logdir logs      : {what_tensorboard_sees('logs')}")
    os.chdir(elsewhere)  # tensorboard started from another folder
    print(f"cwd=elsewhere, --logdir runs      : {what_tensorboard_sees('runs')}")
    print(
        f"cwd=elsewhere, absolute path      : {what_tensorboard_sees(os.path.join(project, 'runs'))}"
    )
    os.chdir(old_cwd)
