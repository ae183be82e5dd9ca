import torch
from torch import nn

x_train = torch.arange(0, torch.pi * 2, 0.01).reshape(-1, 1)
y_gt = torch.sin(x_train)
seeds = [0, 1, 2, 3, 4]


# %%
def run(
    init="uniform4",
    lr=0.001,
    weight_decay=0.005,
    hidden=32,
    extra_layer=False,
    loss_fn=nn.L1Loss(reduction="sum"),
    epochs=20,
    shuffle=False,
):
    """Train version 1 once per seed, all seeds side by side; return each seed's final
    mean |error| over all points."""
    models = []
    for seed in seeds:  # each built and initialized exactly as in version 1
        torch.manual_seed(seed)
        layers = [nn.Linear(1, hidden), nn.Sigmoid()]
        if extra_layer:
            layers += [nn.Linear(hidden, 32), nn.Sigmoid()]
        model = nn.Sequential(*layers, nn.Linear(layers[-2].out_features, 1))
        for param in model.parameters():
            if init == "uniform4":
                nn.init.uniform_(param, -4, 4)
            elif init == "uniform1":
                nn.init.uniform_(param, -1, 1)
            elif init == "normal3":
                nn.init.normal_(param, std=3)
            # "default": keep PyTorch's own init
        models.append(model)
    # Stack each parameter across the models: weights [seeds, out, in], biases [seeds, out].
    # One step then trains every model on its own sample, as one small batched computation.
    params = [
        torch.stack(same).detach().requires_grad_()
        for same in zip(*(m.parameters() for m in models))
    ]
    optimizer = torch.optim.SGD(params, lr=lr, weight_decay=weight_decay)

    def forward(x):  # x: [seeds, samples, 1]; model k only sees x[k]
        for i in range(0, len(params), 2):
            weight, bias = params[i], params[i + 1]
            x = torch.baddbmm(bias.unsqueeze(1), x, weight.mT)  # bias + x @ weight.T, per model
            if i + 2 < len(params):
                x = torch.sigmoid(x)
        return x

    n = x_train.shape[0]
    order = torch.arange(n).expand(len(seeds), n)  # [seeds, n]: in order, as in version 1
    for epoch in range(epochs):
        if shuffle:  # a new order every epoch, each model its own
            order = torch.stack([torch.randperm(n) for _ in seeds])
        xs, ys = x_train[order], y_gt[order]  # [seeds, n, 1]: each model's samples in its order
        for i in range(n):
            # The models' losses summed: each model's gradient is the one of its own loss
            loss = loss_fn(forward(xs[:, i : i + 1]), ys[:, i : i + 1])
            loss.backward()
            optimizer.step()
            optimizer.zero_grad()
    with torch.no_grad():
        error = (forward(x_train.expand(len(seeds), n, 1)) - y_gt).abs().mean(dim=(1, 2))
    return error.tolist()


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
    "MSELoss instead of L1": {"loss_fn": nn.MSELoss(reduction="sum")},
    "40 epochs": {"epochs": 40},
    "shuffled order": {"shuffle": True},
}

print("final mean |error| over the 629 points (lower is better)")
print(f"{'variant':<24}" + "".join(f"seed {s:<3}" for s in seeds) + "mean")
for name, kwargs in variants.items():
    errors = run(**kwargs)
    row = "".join(f"{e:<8.4f}" for e in errors)
    print(f"{name:<24}{row}{sum(errors) / len(errors):.4f}")
