import torch
from torch import nn
from torchvision import models

torch.manual_seed(0)
model = models.resnet18(weights=None)  # architecture only, nothing downloaded
print(f"last layer: {model.fc}")

# Replace the 1000-class head with a 10-class one, then freeze everything else
model.fc = nn.Linear(model.fc.in_features, 10)
for name, p in model.named_parameters():
    p.requires_grad = name.startswith("fc.")

trainable = [p for p in model.parameters() if p.requires_grad]
print(f"trainable tensors: {len(trainable)}, parameters: {sum(p.numel() for p in trainable):,}")
print(f"all parameters: {sum(p.numel() for p in model.parameters()):,}")
optimizer = torch.optim.SGD(trainable, lr=0.01)

model.eval()
with torch.no_grad():
    print(f"output for 2 images of 32x32: {tuple(model(torch.zeros(2, 3, 32, 32)).shape)}")
