import os

import matplotlib.cbook as cbook
import torch
from PIL import Image
from torchvision.models import ResNet50_Weights, resnet50

torch.manual_seed(0)
weights = ResNet50_Weights.DEFAULT
# Downloading ~100 MB is opt-in here: run with DOWNLOAD_WEIGHTS=1 to get the trained model
if os.environ.get("DOWNLOAD_WEIGHTS") == "1":
    model = resnet50(weights=weights)  # downloads once into ~/.cache/torch/hub/checkpoints
else:
    model = resnet50(weights=None)  # same architecture, random weights, offline
print(f"pretrained weights loaded: {os.environ.get('DOWNLOAD_WEIGHTS') == '1'}")
model.eval()  # inference mode: batch norm uses running statistics

with cbook.get_sample_data("grace_hopper.jpg") as f:
    img = Image.open(f).convert("RGB")
batch = weights.transforms()(img).unsqueeze(0)  # 1 x 3 x 224 x 224

with torch.no_grad():
    probs = model(batch).squeeze(0).softmax(dim=0)
print(f"output: {tuple(probs.shape)} probabilities, sum {probs.sum():.3f}")
top = probs.topk(3)
for p, i in zip(top.values, top.indices):
    print(f"{weights.meta['categories'][i]:<20} {100 * p:.2f}%")
