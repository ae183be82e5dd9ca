import os
import tempfile

import torch
from tensorboard.backend.event_processing.event_accumulator import EventAccumulator
from torch.utils.tensorboard import SummaryWriter

torch.manual_seed(0)
batch = torch.rand(10, 1, 28, 28)  # 10 grey 28x28 images, N x C x H x W

with tempfile.TemporaryDirectory() as tmp:
    log_dir = os.path.join(tmp, "runs", "images")
    with SummaryWriter(log_dir) as writer:
        writer.add_images("batch", batch, 0)  # the whole batch as one grid
        for step in range(3):
            writer.add_image("first", batch[step], step)  # one image per step: a slider

    acc = EventAccumulator(log_dir)
    acc.Reload()
    for tag in acc.Tags()["images"]:
        images = acc.Images(tag)
        sizes = ", ".join(f"step {i.step}: {i.width}x{i.height}" for i in images)
        print(f"{tag}: {len(images)} image(s), {sizes} (width x height)")
