import tempfile
from pathlib import Path

import matplotlib.pyplot as plt
import torch
from torch import nn

x = torch.linspace(-5, 5, 201, requires_grad=True)
acts = [nn.ReLU(), nn.Sigmoid(), nn.Tanh(), nn.GELU()]

fig, axes = plt.subplots(2, 2, figsize=(8, 6))
for ax, act in zip(axes.flat, acts):
    y = act(x)
    (grad,) = torch.autograd.grad(y.sum(), x)  # element-wise derivative
    ax.plot(x.detach(), y.detach(), label="f(x)")
    ax.plot(x.detach(), grad, "--", label="f'(x)")
    ax.set_title(type(act).__name__)
    ax.axhline(0, color="gray", lw=0.5)
    ax.axvline(0, color="gray", lw=0.5)
    ax.legend()
fig.tight_layout()

# Save the figure to a file, as the notes do with fig.savefig('curve.png')
with tempfile.TemporaryDirectory() as tmp:
    path = Path(tmp) / "activations.png"
    fig.savefig(path, dpi=100)
    print(f"saved {path.name}: exists {path.exists()}, {path.stat().st_size} bytes")
plt.show()
