import torch
from torch import nn

x_train = torch.arange(0, torch.pi * 2, 0.01).reshape(-1, 1)
y_gt = torch.sin(x_train)


# %%
def run(init="uniform4", lr=0.001, weight_decay=0.005, hidden=32, extra_layer=False,
        loss_fn=nn.L1Loss(), epochs=20, shuffle=False, seed=0):
    """Train the per-sample sine fit once; return the final mean |error| on all points."""
    torch.manual_seed(seed)
    layers = [nn.Linear(1, hidden), nn.Sigmoid()]
    if extra_layer:
        layers += [nn.Linear(hidden, 32), nn.Sigmoid()]
        hidden = 32
    model = nn.Sequential(*layers, nn.Linear(hidden, 1))
    for param in model.parameters():
        if init == "uniform4":
            nn.init.uniform_(param, -4, 4)
        elif init == "uniform1":
            nn.init.uniform_(param, -1, 1)
        elif init == "normal3":
            nn.init.normal_(param, std=3)
        # "default": keep PyTorch's own init
    optimizer = torch.optim.SGD(model.parameters(), lr=lr, weight_decay=weight_decay)
    n = x_train.shape[0]
    for epoch in range(epochs):
        order = torch.randperm(n) if shuffle else range(n)
        for i in order:
            loss = loss_fn(model(x_train[i]), y_gt[i])
            loss.backward()
            optimizer.step()
            optimizer.zero_grad()
    with torch.no_grad():
        return (model(x_train) - y_gt).abs().mean().item()


# %%
variants = {
    "baseline (notes)": {},
    "init: PyTorch default": {"init": "default"},
    "init: uniform(-1, 1)": {"init": "uniform1"},
    "init: normal(std=3)": {"init": "normal3"},
    "lr 0.01": {"lr": 0.01},
    "lr 0.0001": {"lr": 0.0001},
    "weight_decay 0": {"weight_decay": 0.0},
    "weight_decay 0.05": {"weight_decay": 0.05},
    "hidden 128": {"hidden": 128},
    "extra 32-unit layer": {"extra_layer": True},
    "MSELoss instead of L1": {"loss_fn": nn.MSELoss()},
    "40 epochs": {"epochs": 40},
    "shuffled order": {"shuffle": True},
}
seeds = [0, 1, 2]

print("final mean |error| over the 629 points (lower is better)")
print(f"{'variant':<24}" + "".join(f"seed {s:<5}" for s in seeds) + "mean")
for name, kwargs in variants.items():
    errors = [run(seed=s, **kwargs) for s in seeds]
    row = "".join(f"{e:<10.4f}" for e in errors)
    print(f"{name:<24}{row}{sum(errors) / len(errors):.4f}")
