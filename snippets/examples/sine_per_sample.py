import matplotlib.pyplot as plt
import torch
from torch import nn

torch.manual_seed(0)

# %%
# 1 -> 32 -> 1 with a Sigmoid in between
model = nn.Sequential(
    nn.Linear(1, 32),
    nn.Sigmoid(),
    nn.Linear(32, 1),
)
l1_loss = nn.L1Loss()

# A wide uniform init: weights and biases in [-4, 4] instead of the default small range
for i, (name, param) in enumerate(model.named_parameters()):
    print(f"i: {i}, name: {name}, shape: {param.shape}")
    nn.init.uniform_(param, -4, 4)  # nn.init runs under no_grad itself

# %%
# 629 points on [0, 2*pi), one column: shape [629, 1]
x_train = torch.arange(0, torch.pi * 2, 0.01).reshape(-1, 1)
y_gt = torch.sin(x_train)
print(f"x_train: {x_train.shape}, y_gt: {y_gt.shape}")

optimizer = torch.optim.SGD(model.parameters(), lr=0.001, weight_decay=0.005)

# %%
# One sample per step: 629 parameter updates per epoch
for epoch in range(20):
    epoch_loss = 0.0
    for i in range(x_train.shape[0]):
        y_pred = model(x_train[i])  # x_train[i] has shape [1]: one unbatched sample
        loss = l1_loss(y_pred, y_gt[i])
        loss.backward()
        optimizer.step()
        optimizer.zero_grad()
        epoch_loss += loss.item()  # a float, so no graph is kept alive
    print(
        f"epoch {epoch:2d}, summed L1 loss {epoch_loss:7.2f}, "
        f"mean {epoch_loss / x_train.shape[0]:.4f}"
    )

# %%
# The epoch loss above was summed while the weights kept changing; measure the final model
with torch.no_grad():
    y_pred = model(x_train)
print(f"final model, mean L1 over all 629 points: {l1_loss(y_pred, y_gt).item():.4f}")

plt.figure(figsize=(6, 3.5), layout="constrained")
plt.plot(x_train, y_gt, "r", label="sin(x)")
plt.plot(x_train, y_pred, "b", label="model")
plt.xlabel("x")
plt.legend()
plt.title("1-32-1 Sigmoid, 20 epochs, one sample per step")
plt.show()
