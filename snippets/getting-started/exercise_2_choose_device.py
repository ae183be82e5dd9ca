import torch

# The one-line choice: CUDA, else MPS, else CPU
device = (
    torch.accelerator.current_accelerator()
    if torch.accelerator.is_available()
    else torch.device("cpu")
)
print(f"chosen device: {device}")

x = torch.ones(3, device=device)  # created directly on the device
y = x * 2  # computed where x lives
print(f"y = {y.tolist()} on {y.device}")

# What the build supports versus what this machine can use
print(f"compiled for:  {torch.accelerator.current_accelerator()}")
print(f"usable here:   {torch.accelerator.current_accelerator(check_available=True)}")
