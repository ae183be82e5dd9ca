import os
import tempfile

from tensorboard.backend.event_processing.event_accumulator import EventAccumulator
from torch.utils.tensorboard import SummaryWriter

with tempfile.TemporaryDirectory() as tmp:
    log_dir = os.path.join(tmp, "runs", "exp1")
    writer = SummaryWriter(log_dir)
    for i in range(100):
        # tag, y value, x value (the step)
        writer.add_scalar("y=2x", i * 2, i)
    writer.close()  # flushes the queue to disk

    print(f"files in log_dir: {[name[:19] + '...' for name in os.listdir(log_dir)]}")

    # Read the event file back, as the TensorBoard server does
    acc = EventAccumulator(log_dir)
    acc.Reload()
    print(f"scalar tags: {acc.Tags()['scalars']}")
    events = acc.Scalars("y=2x")
    print(f"number of points: {len(events)}")
    for e in events[:3] + events[-1:]:
        print(f"step {e.step:>2}: value {e.value}")
