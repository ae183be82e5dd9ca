import torch
import torch.nn.functional as F
from torch import nn

torch.manual_seed(0)


class LeNet(nn.Module):
    def __init__(self, kernel_size):
        super().__init__()
        self.conv1 = nn.Conv2d(1, 6, kernel_size)
        self.conv2 = nn.Conv2d(6, 16, kernel_size)
        self.fc1 = nn.Linear(16 * 5 * 5, 120)  # assumes 5x5 maps after conv2 + pool
        self.fc2 = nn.Linear(120, 84)
        self.fc3 = nn.Linear(84, 10)

    def forward(self, x):
        x = F.max_pool2d(F.relu(self.conv1(x)), 2)
        x = F.max_pool2d(F.relu(self.conv2(x)), 2)
        x = torch.flatten(x, 1)
        x = F.relu(self.fc1(x))
        x = F.relu(self.fc2(x))
        return self.fc3(x)


def show_input(name):
    # A forward pre-hook runs just before the module's forward
    def hook(module, args):
        print(f"  {name:<5} receives {tuple(args[0].shape)}")

    return hook


for kernel_size in (3, 5):
    print(f"kernel_size={kernel_size}:")
    model = LeNet(kernel_size)
    handles = [m.register_forward_pre_hook(show_input(name)) for name, m in model.named_children()]
    try:
        out = model(torch.zeros(1, 1, 32, 32))
        print(f"  output {tuple(out.shape)}")
    except RuntimeError as e:
        print(f"  RuntimeError: {e}")
    for h in handles:
        h.remove()  # hooks stay until removed
