import torch
from torch import nn

torch.manual_seed(0)

model = nn.Sequential(nn.Linear(4, 8), nn.ReLU(), nn.Linear(8, 2))

# Freeze the first layer, e.g. a pretrained feature extractor
for p in model[0].parameters():
    p.requires_grad_(False)

trainable = [p for p in model.parameters() if p.requires_grad]
print(f"trainable tensors: {len(trainable)} of {len(list(model.parameters()))}")
print(f"trainable numbers: {sum(p.numel() for p in trainable)}")

# Give the optimizer only what should change
opt = torch.optim.SGD(trainable, lr=0.1)
frozen_before = model[0].weight.clone()

loss = model(torch.randn(3, 4)).pow(2).mean()
loss.backward()
opt.step()

for name, p in model.named_parameters():
    grad = None if p.grad is None else tuple(p.grad.shape)
    print(f"{name}: requires_grad={p.requires_grad}, grad={grad}")
print(f"frozen weight unchanged: {torch.equal(frozen_before, model[0].weight)}")
