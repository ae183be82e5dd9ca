import matplotlib.pyplot as plt
import numpy as np
import torch
from torch import nn

torch.manual_seed(0)


# %%
# Three Linear layers; an activation after the first two, none after the last
class MyBlock(nn.Module):
    def __init__(self):
        super().__init__()
        self.linear_1 = nn.Linear(1, 32)
        self.act_1 = nn.ReLU()
        self.linear_2 = nn.Linear(32, 64)
        self.act_2 = nn.ReLU()
        self.linear_3 = nn.Linear(64, 1)

    def forward(self, x):
        x = self.linear_1(x)
        x = self.act_1(x)
        x = self.linear_2(x)
        x = self.act_2(x)
        x = self.linear_3(x)
        return x


model = MyBlock()
# Layer sizes never mention the batch: one sample of shape [1] works...
print(f"one sample: {model(torch.tensor([1.0]))}")

# %%
# ...and so does the whole data set as a batch of shape [629, 1]
x = torch.arange(0, 2 * torch.pi, 0.01).reshape(-1, 1)
y_gt = torch.sin(x)
print(f"x: {x.shape}, y_gt: {y_gt.shape}")

optimizer = torch.optim.SGD(model.parameters(), lr=0.01)
calc_loss = nn.MSELoss()

# %%
# Full batch: one step per epoch, 3000 steps in all
model.train()
for epoch in range(3000):
    output = model(x)
    loss = calc_loss(output, y_gt)  # a scalar, so backward() needs no argument
    loss.backward()
    optimizer.step()
    optimizer.zero_grad()
    if epoch % 300 == 0 or epoch == 2999:
        print(f"epoch: {epoch:4d}, loss: {loss.item():.6f}")

# %%
# Predict on NumPy inputs: convert to float32 tensors, and back to NumPy for matplotlib
model.eval()
X = np.arange(0, 2 * np.pi, 0.01)
with torch.no_grad():
    pred = model(torch.from_numpy(X.reshape(-1, 1).astype("float32")))
Y = pred.numpy().flatten()
print(f"X: {X.shape}, pred: {pred.shape}, Y: {Y.shape}")

# Where does the fit stop following the curve? The first x with |error| > 0.1
err = np.abs(Y - np.sin(X))
x_off = X[np.argmax(err > 0.1)]
print(f"|error| <= 0.1 up to x = {x_off:.2f}, {x_off / (2 * np.pi):.0%} of [0, 2π)")
print(f"max |error|: {err[X < x_off].max():.3f} before, {err[X >= x_off].max():.3f} after")

plt.figure(figsize=(6, 3.5), layout="constrained")
plt.plot(X, np.sin(X), "r", label="sin(x)")
plt.plot(X, Y, "b", label="model")
plt.xlabel("x")
plt.legend()
plt.title("1-32-64-1 ReLU, 3000 full-batch epochs")
plt.show()
