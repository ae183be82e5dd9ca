import torch
from torch import nn
from torch.utils.data import DataLoader, TensorDataset

torch.manual_seed(0)

# 10 samples, batch_size=4 -> batches of 4, 4 and 2
X, y = torch.randn(10, 3), torch.randn(10, 1)
loader = DataLoader(TensorDataset(X, y), batch_size=4)
model = nn.Linear(3, 1)
loss_fn = nn.MSELoss()  # reduction='mean': one mean per batch

total_tensor = 0  # wrong: adds up tensors
total_item = 0.0  # right: adds up Python floats
weighted = 0.0
seen = 0
for batch, (xb, yb) in enumerate(loader):
    loss = loss_fn(model(xb), yb)
    total_tensor += loss
    total_item += loss.item()
    weighted += loss.item() * len(xb)  # undo the per-batch mean
    seen += len(xb)
    formula = (batch + 1) * len(xb)  # the tutorials' progress counter
    print(
        f"batch {batch}: size={len(xb)}  loss={loss.item():.4f}  "
        f"(batch+1)*len={formula:2d}  counted={seen:2d}"
    )

# Adding tensors keeps every batch's graph alive until the total is freed
print(f"tensor total still has a graph: {total_tensor.grad_fn is not None}")

# Mean of batch means != mean over samples when the last batch is smaller
print(f"mean of batch means:  {total_item / len(loader):.4f}")
print(f"mean over samples:    {weighted / len(loader.dataset):.4f}")
with torch.no_grad():
    print(f"whole dataset at once: {loss_fn(model(X), y).item():.4f}")
