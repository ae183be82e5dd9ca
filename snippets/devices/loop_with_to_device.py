import torch
from torch import nn
from torch.utils.data import DataLoader, TensorDataset

torch.manual_seed(0)

device = (
    torch.accelerator.current_accelerator()
    if torch.accelerator.is_available()
    else torch.device("cpu")
)

# A small fake image data set: 64 images of 1x8x8, 3 classes
dataset = TensorDataset(torch.randn(64, 1, 8, 8), torch.randint(0, 3, (64,)))
dataloader = DataLoader(dataset, batch_size=16)

model = nn.Sequential(nn.Flatten(), nn.Linear(64, 3))
loss_fn = nn.CrossEntropyLoss()
model.to(device)  # a module moves in place
loss_fn.to(device)  # harmless; needed only if it holds tensors
optimizer = torch.optim.SGD(model.parameters(), lr=0.1)

for epoch in range(3):
    for imgs, targets in dataloader:
        # tensors do not move in place: keep the returned copies
        imgs, targets = imgs.to(device), targets.to(device)
        loss = loss_fn(model(imgs), targets)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
    print(f"epoch {epoch}: last loss {loss.item():.4f} on {loss.device}")
