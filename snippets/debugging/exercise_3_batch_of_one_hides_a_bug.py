import torch
from torch import nn

torch.manual_seed(0)


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv = nn.Conv2d(1, 4, kernel_size=3)
        self.fc = nn.Linear(4 * 6 * 6, 10)

    def forward(self, x):
        x = torch.relu(self.conv(x))
        x = torch.flatten(x)  # bug: flattens the batch dimension too
        return self.fc(x)


model = Net()
for batch in (1, 2):
    try:
        out = model(torch.zeros(batch, 1, 8, 8))
        print(f"batch {batch}: output {tuple(out.shape)}")
    except RuntimeError as e:
        print(f"batch {batch}: RuntimeError: {e}")
