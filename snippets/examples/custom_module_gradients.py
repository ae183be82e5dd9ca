import torch
from torch import nn

torch.manual_seed(0)


# %%
# A custom module: subclass nn.Module, call super().__init__(), write forward()
class MyBlock(nn.Module):
    def __init__(self):
        super().__init__()
        self.linear_1 = nn.Linear(1, 32)
        self.linear_2 = nn.Linear(32, 1)

    def forward(self, x):
        x = self.linear_1(x)
        x = self.linear_2(x)
        return x


my_block = MyBlock()
x = torch.tensor([1.0])
y = my_block(x)  # calling the module runs forward()
print(f"y = {y}")

# %%
# Gradient recording is on by default, so backward() fills .grad of every parameter
y.backward()  # y has a single element, so no gradient argument is needed
for name, param in my_block.named_parameters():
    values = ", ".join(f"{v:+.4f}" for v in param.grad.flatten()[:3].tolist())
    print(
        f"{name:<16} param {str(tuple(param.shape)):<8} grad {str(tuple(param.grad.shape)):<8} "
        f"first values [{values}]"
    )

# parameters() yields the same tensors, in the same order
params = list(my_block.parameters())
print(f"params[0] is linear_1.weight: {params[0] is my_block.linear_1.weight}")

# %%
# Check against the chain rule: y = W2 (W1 x + b1) + b2
W1, b1 = my_block.linear_1.weight, my_block.linear_1.bias
W2 = my_block.linear_2.weight
with torch.no_grad():
    h = my_block.linear_1(x)  # hidden values, shape (32,)
print(f"dy/dW1 == W2.T * x: {torch.allclose(W1.grad, W2.T * x)}")
print(f"dy/db1 == W2[0]:    {torch.allclose(b1.grad, W2[0])}")
print(f"dy/dW2 == h:        {torch.allclose(W2.grad, h.unsqueeze(0))}")
print(f"dy/db2 == 1:        {my_block.linear_2.bias.grad}")
