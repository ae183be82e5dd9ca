import torch
from torch import nn

torch.manual_seed(0)


class Scaler(nn.Module):
    def __init__(self):
        super().__init__()
        self.linear = nn.Linear(3, 3)
        self.rand_weight = torch.rand(3, 3)  # plain attribute: forgotten by the module
        # saved and moved with the model, never trained
        self.register_buffer("scale", torch.full((3,), 2.0))
        # moved, but not saved
        self.register_buffer("cache", torch.zeros(3), persistent=False)

    def forward(self, x):
        return self.linear(x @ self.rand_weight) * self.scale


m = Scaler()
print(f"parameters: {[n for n, _ in m.named_parameters()]}")
print(f"buffers:    {[n for n, _ in m.named_buffers()]}")
print(f"state_dict: {list(m.state_dict())}")
print(f"scale.requires_grad: {m.scale.requires_grad}")

m.to(torch.float64)  # .to() / .cuda() convert parameters and buffers only
print(
    f"after .to(float64): scale {m.scale.dtype}, cache {m.cache.dtype}, "
    f"rand_weight {m.rand_weight.dtype}"
)
