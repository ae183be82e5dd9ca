import torch
from torch import nn

torch.manual_seed(0)


class MyBlock(nn.Module):
    def __init__(self):
        super().__init__()
        self.linear_1 = nn.Linear(1, 32)
        self.linear_2 = nn.Linear(32, 1)

    def forward(self, x):
        return self.linear_2(self.linear_1(x))


my_block = MyBlock()
w1 = my_block.linear_1.weight
# Parameters are leaves that require grad, created for us by nn.Linear
print(f"weight: is_leaf={w1.is_leaf}, requires_grad={w1.requires_grad}, grad={w1.grad}")

y = my_block(torch.tensor([1.0]))  # recording is on by default
print(f"y: {y}")
y.backward()  # y has one element, so no gradient argument is needed

print(f"linear_1.weight.grad shape: {tuple(w1.grad.shape)}")
print(f"first 3 rows: {w1.grad[:3].flatten()}")
# With x = 1 and no activation, dy/dW1 is W2 transposed
print(f"equals linear_2.weight.T: {torch.equal(w1.grad, my_block.linear_2.weight.T)}")
