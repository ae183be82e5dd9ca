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

# numpy(force=True) does the same in one call (and always copies)
print(f"pred.numpy(force=True):      {pred.numpy(force=True)}")
