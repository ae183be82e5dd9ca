import torch
import torch.nn.functional as F
from torch import nn

torch.manual_seed(0)


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv = nn.Conv2d(3, 4, kernel_size=3, padding=1)
        self.fc = nn.Linear(4 * 8 * 8, 5)

    def forward(self, x):
        x = F.max_pool2d(F.relu(self.conv(x)), 2)  # functions: no hooks fire for these
        return self.fc(torch.flatten(x, 1))


calls = []


def show_output(module, args, output):
    # A forward hook runs after the module's forward and sees its output
    calls.append(type(module).__name__)
    print(f"  {type(module).__name__:<6} -> {tuple(output.shape)}")


model = Net()
handles = [m.register_forward_hook(show_output) for m in model.children()]
print("with hooks:")
model(torch.zeros(2, 3, 16, 16))
print(f"hook calls: {calls}")

for h in handles:
    h.remove()
print("after remove():")
model(torch.zeros(2, 3, 16, 16))
print(f"hook calls: {calls}")
