import os
import tempfile

import torch
from torchvision import models

torch.manual_seed(0)

# weights=None: the architecture with random weights (older code: pretrained=False).
# weights=models.ResNet18_Weights.DEFAULT would download trained ones instead.
model = models.resnet18(weights=None)
n_params = len(list(model.parameters()))
print(f"parameters: {n_params}, state_dict entries: {len(model.state_dict())}")
print(f"bn1 entries: {[k for k in model.state_dict() if k.startswith('bn1.')]}")

with tempfile.TemporaryDirectory() as tmp:
    path = os.path.join(tmp, "resnet18_weights.pth")
    torch.save(model.state_dict(), path)
    print(f"file size: {os.path.getsize(path) / 1e6:.1f} MB")

    restored = models.resnet18(weights=None)  # same architecture first
    print(restored.load_state_dict(torch.load(path, weights_only=True)))
    restored.eval()  # dropout/batch norm switch to inference behaviour

same = torch.equal(model.fc.weight, restored.fc.weight)
print(f"same fc weights: {same}")
