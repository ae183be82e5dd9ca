import torch
from torch import nn

torch.manual_seed(0)

model = nn.Linear(3, 1)
x = torch.randn(2, 3)


@torch.inference_mode()  # also works as a decorator, like @torch.no_grad()
def predict(inputs):
    return model(inputs)


with torch.no_grad():
    a = model(x)
b = predict(x)
for name, t in [("no_grad", a), ("inference_mode", b)]:
    print(f"{name:15} requires_grad={t.requires_grad}  is_inference={t.is_inference()}")
print(f"same values: {torch.equal(a, b)}")

# A no_grad result can still be used in a later graph...
(model(x) * a).sum().backward()  # mul saves a for the backward pass
print(f"no_grad result in a graph: ok, bias grad {model.bias.grad}")

# ...an inference tensor cannot
try:
    (model(x) * b).sum().backward()
except RuntimeError as e:
    print(f"inference tensor in a graph -> RuntimeError: {e}")

# If you must, clone() it outside inference mode to get a normal tensor
c = b.clone()
print(f"clone(): is_inference={c.is_inference()}")
model.zero_grad()
(model(x) * c).sum().backward()
print(f"clone in a graph: ok, bias grad {model.bias.grad}")
