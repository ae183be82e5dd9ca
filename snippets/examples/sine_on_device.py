import matplotlib.pyplot as plt
import torch
from torch import nn

torch.manual_seed(0)
device = (
    torch.accelerator.current_accelerator()
    if torch.accelerator.is_available()
    else torch.device("cpu")
)
print(f"Using {device} device")


# %%
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
model.to(device)  # a module moves in place: no need for model = model.to(device)
print(f"parameters on: {next(model.parameters()).device}")

# %%
# Create the data directly on the device instead of copying it there
x = torch.arange(0, 2 * torch.pi, 0.01, device=device).reshape(-1, 1)
y_gt = torch.sin(x)  # computed where x lives
print(f"x on {x.device}, y_gt on {y_gt.device}, shape {tuple(x.shape)}")

optimizer = torch.optim.SGD(model.parameters(), lr=0.01)
calc_loss = nn.MSELoss()  # holds no tensors, so it needs no .to(device)

# %%
model.train()
for epoch in range(3000):
    output = model(x)
    loss = calc_loss(output, y_gt)
    loss.backward()
    optimizer.step()
    optimizer.zero_grad()
    if epoch % 300 == 0 or epoch == 2999:
        print(f"epoch: {epoch:4d}, loss: {loss.item():.6f}")

# %%
model.eval()
with torch.no_grad():
    pred = model(x)
print(f"pred on {pred.device}")

# matplotlib needs NumPy arrays, and those live on the CPU
x_cpu, pred_cpu = x.cpu().flatten(), pred.cpu().flatten()
plt.figure(figsize=(6, 3.5), layout="constrained")
plt.plot(x_cpu, torch.sin(x_cpu), "r", label="sin(x)")
plt.plot(x_cpu, pred_cpu, "b", label="model")
plt.xlabel("x")
plt.legend()
plt.title(f"1-32-64-1 ReLU, 3000 full-batch epochs on {device.type}")
plt.show()
