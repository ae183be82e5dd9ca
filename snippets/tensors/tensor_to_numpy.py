import numpy as np
import torch

device = (
    torch.accelerator.current_accelerator()
    if torch.accelerator.is_available()
    else torch.device("cpu")
)

w = torch.ones(3, requires_grad=True)
try:
    w.numpy()
except RuntimeError as e:
    print(f"RuntimeError: {e}")

# Detach from the graph, move to the CPU, then convert: works on every device
pred = (w * 2).to(device)
print(f"pred.detach().cpu().numpy(): {pred.detach().cpu().numpy()}")
print(f"pred.numpy(force=True):      {pred.numpy(force=True)}")

# On a CPU tensor, numpy() and numpy(force=True) both share the tensor's memory
t = torch.zeros(3)
plain, forced = t.numpy(), t.numpy(force=True)
print(f"np.shares_memory(numpy(), numpy(force=True)): {np.shares_memory(plain, forced)}")
t[0] = 5  # an in-place write to the tensor shows in both arrays
print(f"after t[0] = 5: numpy() {plain}, numpy(force=True) {forced}")

# On a tensor that requires grad, force=True detaches instead of raising;
# the array still shares memory with the (CPU) tensor's data
w_np = w.numpy(force=True)
print(
    f"np.shares_memory(w.numpy(force=True), w.detach().numpy()): "
    f"{np.shares_memory(w_np, w.detach().numpy())}"
)
with torch.no_grad():
    w.add_(1)
print(f"after w.add_(1) under no_grad: w_np {w_np}")

# Only a copy is independent of the tensor
copy = t.numpy().copy()
print(f"np.shares_memory(numpy().copy(), numpy()): {np.shares_memory(copy, t.numpy())}")
