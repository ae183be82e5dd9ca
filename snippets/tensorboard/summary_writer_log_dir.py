import os
import tempfile

from torch.utils.tensorboard import SummaryWriter

# output varies: default log_dir names hold the date and host name
old_cwd = os.getcwd()
with tempfile.TemporaryDirectory() as tmp:
    os.chdir(tmp)  # the default log_dir "runs/..." is relative to the current directory
    calls = {
        "SummaryWriter()": lambda: SummaryWriter(),
        'SummaryWriter("runs/exp1")': lambda: SummaryWriter("runs/exp1"),
        'SummaryWriter(comment="LR_0.1_BATCH_16")': lambda: SummaryWriter(
            comment="LR_0.1_BATCH_16"
        ),
        'SummaryWriter("runs/exp2", comment="_x")': lambda: SummaryWriter(
            "runs/exp2", comment="_x"
        ),
    }
    for call, make in calls.items():
        writer = make()
        print(f"{call:<42} -> {writer.log_dir}")
        writer.close()
    print(f"folders under runs/: {sorted(os.listdir('runs'))}")
    os.chdir(old_cwd)
