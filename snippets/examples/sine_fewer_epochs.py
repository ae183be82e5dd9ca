import torch
from torch import nn
from torch.utils.data import DataLoader, TensorDataset

x = torch.arange(0, 2 * torch.pi, 0.01).reshape(-1, 1)
y_gt = torch.sin(x)


# %%
def make_model(act):
    return nn.Sequential(nn.Linear(1, 32), act(), nn.Linear(32, 64), act(), nn.Linear(64, 1))


def fit(act=nn.ReLU, optim="sgd", epochs=3000, batch_size=None, seed=0):
    """Train on the sine data; return the final MSE over all 629 points."""
    torch.manual_seed(seed)
    model = make_model(act)
    if optim == "sgd":
        optimizer = torch.optim.SGD(model.parameters(), lr=0.01)
    else:
        optimizer = torch.optim.Adam(model.parameters(), lr=0.01)
    loss_fn = nn.MSELoss()
    # batch_size=None: the whole data set is one batch (one step per epoch)
    loader = DataLoader(TensorDataset(x, y_gt), batch_size=batch_size or len(x), shuffle=True)
    for epoch in range(epochs):
        for xb, yb in loader:
            loss = loss_fn(model(xb), yb)
            loss.backward()
            optimizer.step()
            optimizer.zero_grad()
    with torch.no_grad():
        return loss_fn(model(x), y_gt).item()


# %%
runs = [
    ("ReLU, SGD, full batch", dict(epochs=300)),
    ("ReLU, SGD, full batch", dict(epochs=1000)),
    ("ReLU, SGD, full batch", dict(epochs=3000)),
    ("Sigmoid, SGD, full batch", dict(act=nn.Sigmoid, epochs=3000)),
    ("ReLU, SGD, batches of 32", dict(batch_size=32, epochs=300)),
    ("ReLU, Adam, full batch", dict(optim="adam", epochs=300)),
]
print(f"{'setting':<26}{'epochs':>7}{'steps':>7}   final MSE")
for name, kwargs in runs:
    epochs = kwargs["epochs"]
    steps = epochs * -(-len(x) // kwargs.get("batch_size", len(x)))
    print(f"{name:<26}{epochs:>7}{steps:>7}   {fit(**kwargs):.6f}")
