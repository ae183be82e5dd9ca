import torch
from torch import nn

torch.manual_seed(0)
net = nn.Sequential(nn.Linear(4, 3), nn.ReLU(), nn.Linear(3, 1))

# Target one tensor ...
nn.init.normal_(net[0].weight, mean=0.0, std=0.01)
nn.init.constant_(net[0].bias, val=0.0)
print(f"net[0].weight std ~ 0.01: {net[0].weight.std().item():.4f}")
print(f"net[0].bias: {net[0].bias.data}")

# ... or loop over all parameters (init functions already run without grad tracking)
for name, param in net.named_parameters():
    nn.init.uniform_(param, -4, 4)
values = torch.cat([p.detach().flatten() for p in net.parameters()])
print(f"after uniform_(-4, 4): min {values.min().item():.2f}, max {values.max().item():.2f}")


# ... or let apply() visit every submodule
def init_weights(m):
    if isinstance(m, nn.Linear):
        nn.init.xavier_normal_(m.weight)
        nn.init.zeros_(m.bias)


net.apply(init_weights)
biases = [m.bias.tolist() for m in net if isinstance(m, nn.Linear)]
print(f"after apply: biases {biases}")
