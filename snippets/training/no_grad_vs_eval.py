import torch
from torch import nn

torch.manual_seed(0)

model = nn.Sequential(nn.Linear(4, 4), nn.Dropout(0.5))
x = torch.ones(1, 4)

# Two independent switches: the module mode and the gradient mode
for mode in ["train", "eval"]:
    getattr(model, mode)()
    for grad in [True, False]:
        with torch.set_grad_enabled(grad):
            out = model(x)
            same = torch.equal(out, model(x))
        print(
            f"{mode:5}  grad={grad!s:5}  requires_grad={out.requires_grad!s:5}  "
            f"has graph={out.grad_fn is not None!s:5}  same output twice={same}"
        )

# Only eval() + no_grad() gives deterministic output and no graph
model.eval()
with torch.no_grad():
    out = model(x)
print(f"eval + no_grad: requires_grad={out.requires_grad}, grad_fn={out.grad_fn}")
