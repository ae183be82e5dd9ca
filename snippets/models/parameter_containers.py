import torch
from torch import nn

torch.manual_seed(0)


class MyNet(nn.Module):
    def __init__(self):
        super().__init__()
        self.weight1 = nn.Parameter(torch.rand(4, 4))  # registered
        self.plain = torch.rand(4, 4)  # plain tensor: NOT a parameter
        self.stack = nn.ParameterList([nn.Parameter(torch.randn(4, 4)) for _ in range(3)])
        self.heads = nn.ParameterDict(
            {
                "linear1": nn.Parameter(torch.randn(4, 4)),
                "linear2": nn.Parameter(torch.randn(4, 1)),
            }
        )
        self.heads.update({"linear3": nn.Parameter(torch.randn(4, 2))})  # add one more

    def forward(self, x, head="linear2"):
        x = x @ self.weight1
        for w in self.stack:  # iterate a ParameterList like a list
            x = torch.relu(x @ w)
        return x @ self.heads[head]  # look up a ParameterDict by key


net = MyNet()
for name, param in net.named_parameters():
    print(f"{name:15} {tuple(param.shape)}")
x = torch.ones(1, 4)
print(f"head linear2 -> {tuple(net(x).shape)}, head linear3 -> {tuple(net(x, 'linear3').shape)}")
print(
    f"is weight1 a Parameter? {isinstance(net.weight1, nn.Parameter)}, "
    f"requires_grad={net.weight1.requires_grad}"
)
