import torch
from torch import nn

torch.manual_seed(0)


class NeuralNetwork(nn.Module):
    def __init__(self):
        super().__init__()
        self.flatten = nn.Flatten()
        self.linear_relu_stack = nn.Sequential(
            nn.Linear(28 * 28, 512),
            nn.ReLU(),
            nn.Linear(512, 512),
            nn.ReLU(),
            nn.Linear(512, 10),
        )

    def forward(self, x):
        return self.linear_relu_stack(self.flatten(x))


model = NeuralNetwork()
# Names follow the attribute names and the Sequential indices
for name, param in model.named_parameters():
    first_two = param.detach().flatten()[:2]
    print(f"Layer: {name} | Size: {param.size()} | first values: {first_two}")

print(
    f"parameters() yields {len(list(model.parameters()))} tensors, "
    f"{sum(p.numel() for p in model.parameters()):,} values in total"
)
