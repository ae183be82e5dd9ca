import torch
from torchvision import models

model = models.vgg16(weights=None)  # architecture only, random weights, no download
print(model)
print(f"parameters: {sum(p.numel() for p in model.parameters()):,}")

# 5 max-pools halve 224 five times: 224 / 2**5 = 7, and 512 * 7 * 7 = 25088
x = torch.zeros(1, 3, 224, 224)
with torch.no_grad():
    f = model.features(x)
    print(f"features: {tuple(x.shape)} -> {tuple(f.shape)}")
    print(f"avgpool + flatten: {tuple(torch.flatten(model.avgpool(f), 1).shape)}")
    print(f"classifier: {tuple(model(x).shape)}")
