import torch
from torch import nn

torch.manual_seed(0)
model = nn.Linear(3, 2)
# A hook stands for everything nn.Module.__call__ adds around forward()
model.register_forward_hook(lambda module, inputs, output: print("  forward hook ran"))

x = torch.ones(1, 3)
print("model(x):")
y1 = model(x)
print("model.forward(x):")
y2 = model.forward(x)  # bypasses hooks: don't call it directly
print(f"same result: {torch.equal(y1, y2)}")
