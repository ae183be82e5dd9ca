import os
import tempfile

import matplotlib.cbook as cbook
import numpy as np
import torch
from PIL import Image
from tensorboard.backend.event_processing.event_accumulator import EventAccumulator
from torch.utils.tensorboard import SummaryWriter

with cbook.get_sample_data("grace_hopper.jpg") as f:
    hwc = np.array(Image.open(f))  # height x width x channels, uint8 0..255
chw = torch.from_numpy(hwc).permute(2, 0, 1) / 255  # channels first, float 0..1
print(f"numpy image: {hwc.shape} {hwc.dtype}")
print(f"tensor image: {tuple(chw.shape)} {chw.dtype}")

with tempfile.TemporaryDirectory() as tmp:
    log_dir = os.path.join(tmp, "runs", "images")
    with SummaryWriter(log_dir) as writer:  # close() is called on exit
        writer.add_image("hopper/chw_float", chw, 0)  # default dataformats="CHW"
        writer.add_image("hopper/hwc_uint8", hwc, 0, dataformats="HWC")
        writer.add_image("hopper/gray", chw.mean(dim=0), 0, dataformats="HW")
        try:
            writer.add_image("hopper/wrong", hwc, 0)  # HWC data read as CHW
        except TypeError as e:
            print(f"HWC array without dataformats -> TypeError: {e}")

    acc = EventAccumulator(log_dir)
    acc.Reload()
    for tag in acc.Tags()["images"]:
        img = acc.Images(tag)[0]
        print(
            f"{tag:<17} step {img.step}: {img.width}x{img.height} (width x height), "
            f"stored as PNG: {img.encoded_image_string[1:4] == b'PNG'}"
        )
