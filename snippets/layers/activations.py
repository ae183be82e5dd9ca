import torch
from torch import nn

x = torch.tensor([[-1.0, -1.0], [2.0, 2.0]])
for act in [nn.ReLU(), nn.Sigmoid(), nn.Tanh(), nn.GELU()]:
    print(f"{act}:\n{act(x)}")

# Activations return a new tensor unless inplace=True
relu_inplace = nn.ReLU(inplace=True)
z = torch.tensor([-2.0, 3.0])
relu_inplace(z)
print(f"after ReLU(inplace=True) z = {z}")
# Any shape works, applied element-wise
print(f"shape kept: {tuple(nn.Sigmoid()(torch.zeros(2, 3, 4, 5)).shape)}")
