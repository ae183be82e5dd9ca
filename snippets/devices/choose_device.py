import torch

# The one line every snippet on this site uses: CUDA, else MPS, else CPU.
device = (
    torch.accelerator.current_accelerator()
    if torch.accelerator.is_available()
    else torch.device("cpu")
)
print(f"device: {device} (type {device.type!r})")

# What the one-liner looks at, spelled out
print(f"accelerator available: {torch.accelerator.is_available()}")
print(f"accelerators visible: {torch.accelerator.device_count()}")
print(f"CUDA available: {torch.cuda.is_available()}")
print(f"MPS available: {torch.backends.mps.is_available()}")
# Without the guard this names the build's accelerator type, usable or not
print(f"current_accelerator() unguarded: {torch.accelerator.current_accelerator()}")

# The older spelling found in many tutorials picks the same device type
legacy = (
    "cuda" if torch.cuda.is_available() else "mps" if torch.backends.mps.is_available() else "cpu"
)
print(f"legacy chain picks: {legacy!r}")
