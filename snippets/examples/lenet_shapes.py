import torch
import torch.nn.functional as F
from torch import nn

torch.manual_seed(0)
device = (
    torch.accelerator.current_accelerator()
    if torch.accelerator.is_available()
    else torch.device("cpu")
)


# %%
class LeNet(nn.Module):
    def __init__(self, kernel_size=5):
        super().__init__()
        # C1: 1 input channel -> 6 feature maps; C3: 6 -> 16
        self.conv1 = nn.Conv2d(1, 6, kernel_size)
        self.conv2 = nn.Conv2d(6, 16, kernel_size)
        # F5, F6 and the output layer; 16 * 5 * 5 assumes 5x5 maps after S4
        self.fc1 = nn.Linear(16 * 5 * 5, 120)
        self.fc2 = nn.Linear(120, 84)
        self.fc3 = nn.Linear(84, 10)

    def forward(self, x):
        x = F.max_pool2d(F.relu(self.conv1(x)), 2)  # C1 + S2: 2x2 max pooling, stride 2
        x = F.max_pool2d(F.relu(self.conv2(x)), 2)  # C3 + S4
        x = torch.flatten(x, 1)  # all dimensions except the batch one
        x = F.relu(self.fc1(x))
        x = F.relu(self.fc2(x))
        return self.fc3(x)


# %%
# A dummy batch: 16 single-channel 32x32 images
input_1 = torch.rand(16, 1, 32, 32)
input_1 = input_1.to(device)

# The notes' version: 3x3 kernels, but still 16 * 5 * 5 inputs to fc1
model_3x3 = LeNet(kernel_size=3).to(device)
try:
    model_3x3(input_1)
except RuntimeError as e:
    print(f"3x3 kernels -> RuntimeError: {e}")

# %%
# 5x5 kernels, as LeNet-5 describes: trace the shapes layer by layer
model = LeNet().to(device)
x = input_1
for name in ["conv1", "pool", "conv2", "pool"]:
    x = F.max_pool2d(x, 2) if name == "pool" else F.relu(getattr(model, name)(x))
    print(f"{'after ' + name:<12}: {tuple(x.shape)}")
print(f"{'flattened':<12}: {tuple(torch.flatten(x, 1).shape)}")
output = model(input_1)
print(f"{'output':<12}: {tuple(output.shape)}")
