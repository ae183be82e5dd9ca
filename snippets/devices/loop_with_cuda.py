import torch
from torch import nn
from torch.utils.data import DataLoader, TensorDataset

torch.manual_seed(0)

dataset = TensorDataset(torch.randn(64, 1, 8, 8), torch.randint(0, 3, (64,)))
dataloader = DataLoader(dataset, batch_size=16)

model = nn.Sequential(nn.Flatten(), nn.Linear(64, 3))
loss_fn = nn.CrossEntropyLoss()
# .cuda() only exists for CUDA, so every call needs this check
if torch.cuda.is_available():
    model = model.cuda()
    loss_fn = loss_fn.cuda()
optimizer = torch.optim.SGD(model.parameters(), lr=0.1)

for epoch in range(3):
    for imgs, targets in dataloader:
        if torch.cuda.is_available():
            imgs, targets = imgs.cuda(), targets.cuda()
        loss = loss_fn(model(imgs), targets)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
    print(f"epoch {epoch}: last loss {loss.item():.4f} on {loss.device}")
