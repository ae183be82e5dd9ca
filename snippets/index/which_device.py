import torch

# CUDA if present, else Apple MPS, else the CPU (as on every page)
device = (
    torch.accelerator.current_accelerator()
    if torch.accelerator.is_available()
    else torch.device("cpu")
)
print(f"PyTorch {torch.__version__}")
print(f"Using device: {device}")

x = torch.ones(2, 3, device=device)
print(f"A tensor made there lives on: {x.device}")
