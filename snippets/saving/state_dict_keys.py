import torch
from torch import nn

torch.manual_seed(0)


class MLP(nn.Module):
    def __init__(self):
        super().__init__()
        self.hidden = nn.Linear(3, 2)
        self.act = nn.ReLU()  # no parameters: no entry in state_dict
        self.output = nn.Linear(2, 1)

    def forward(self, x):
        return self.output(self.act(self.hidden(x)))


net = MLP()
print(f"state_dict type: {type(net.state_dict()).__name__}")
# Keys are the attribute names you chose, plus the parameter name
for name, tensor in net.state_dict().items():
    print(f"{name:14} {tuple(tensor.shape)}")
print(net.state_dict()["hidden.weight"])
