import torch
from torch import nn

torch.manual_seed(0)


class MyBlock(nn.Module):
    def __init__(self):
        super().__init__()  # must run before any layer is assigned
        self.linear_1 = nn.Linear(1, 32)
        self.linear_2 = nn.Linear(32, 1)

    def forward(self, x):
        x = self.linear_1(x)
        x = self.linear_2(x)
        return x


my_block = MyBlock()
print(my_block)

x = torch.tensor([1.0])
y = my_block(x)  # calling the module runs forward()
print(f"y: {y}")

# Gradients are recorded by default, so backward() fills .grad of every parameter
y.backward()
first = next(my_block.parameters())
print(f"first parameter: shape {tuple(first.shape)}, grad shape {tuple(first.grad.shape)}")
print(f"grad[:3]: {first.grad[:3].flatten()}")
