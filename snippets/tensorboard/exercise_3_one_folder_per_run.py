import os
import tempfile

from tensorboard.backend.event_processing.event_multiplexer import EventMultiplexer
from torch.utils.tensorboard import SummaryWriter


def log_two_experiments(folder_for):
    # Stand-in for two trainings with different learning rates
    for lr in (0.1, 0.01):
        with SummaryWriter(folder_for(lr)) as writer:
            for step in range(5):
                writer.add_scalar("loss", lr * (5 - step), step)


def show_runs(logdir):
    # What `tensorboard --logdir runs` finds
    mux = EventMultiplexer().AddRunsFromDirectory(logdir)
    mux.Reload()
    for run in sorted(mux.Runs()):
        points = mux.Scalars(run, "loss")
        print(f"  run {run!r}: {len(points)} points, steps {[p.step for p in points]}")


with tempfile.TemporaryDirectory() as tmp:
    runs = os.path.join(tmp, "shared", "runs")
    log_two_experiments(lambda lr: os.path.join(runs, "exp"))
    print("both experiments in runs/exp:")
    show_runs(runs)

    runs = os.path.join(tmp, "separate", "runs")
    log_two_experiments(lambda lr: os.path.join(runs, f"lr_{lr}"))
    print("one sub-folder per experiment:")
    show_runs(runs)
