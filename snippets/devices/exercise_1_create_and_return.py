import torch

device = (
    torch.accelerator.current_accelerator()
    if torch.accelerator.is_available()
    else torch.device("cpu")
)
print(f"device: {device}")

# Create the tensors where they are used, instead of on the CPU plus .to(device)
x = torch.arange(6, dtype=torch.float32, device=device).reshape(2, 3)
w = torch.ones(3, 2, device=device)
y = x @ w
print(f"y is on: {y.device.type}")

# NumPy reads CPU memory only: .cpu() first (a no-op on the CPU)
print(f"as NumPy: {y.cpu().numpy().tolist()}")
