import torch
from torch import nn
from torchvision import models

torch.manual_seed(0)
model = models.vgg16(weights=None)  # weights=VGG16_Weights.DEFAULT when fine-tuning
print(f"last layer before: {model.classifier[6]}")

# 1. Replace the last Linear: 1000 ImageNet classes -> 10 classes
model.classifier[6] = nn.Linear(4096, 10)
print(f"last layer after : {model.classifier[6]}")

# Structure-only models for the other two ways: on the "meta" device
# no memory is allocated and nothing is initialised, so they cost nothing
with torch.device("meta"):
    # 2. Or append a layer after the 1000 outputs (keeps the original head)
    appended = models.vgg16(weights=None)
    appended.classifier.add_module("7", nn.Linear(1000, 10))
    # 3. Training from scratch: ask for 10 classes directly
    scratch = models.vgg16(weights=None, num_classes=10)
print(f"appended: {appended.classifier[-2:]}")
print(f"num_classes=10: {scratch.classifier[6]}")
try:  # pretrained weights have 1000 outputs, so num_classes must stay 1000
    models.vgg16(weights="DEFAULT", num_classes=10)
except ValueError as e:
    print(f"weights + num_classes=10 -> ValueError: {e}")

# Freeze the convolutional part: only the classifier is trained
for p in model.features.parameters():
    p.requires_grad = False
trainable = sum(p.numel() for p in model.parameters() if p.requires_grad)
total = sum(p.numel() for p in model.parameters())
print(f"trainable parameters: {trainable:,} of {total:,}")
optimizer = torch.optim.SGD([p for p in model.parameters() if p.requires_grad], lr=1e-3)
print(f"tensors given to the optimizer: {len(optimizer.param_groups[0]['params'])}")

# The adaptive average pool accepts any input of at least 32x32
out = model(torch.rand(2, 3, 32, 32))
print(f"output for 2 images of 32x32: {tuple(out.shape)}")
