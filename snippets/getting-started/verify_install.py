import torch
import torchvision  # the note used torchvision without importing it

print(f"torch:           {torch.__version__}")
print(f"torchvision:     {torchvision.__version__}")
print(f"built for CUDA:  {torch.version.cuda}")  # None in a CPU-only build
print(f"CUDA available:  {torch.cuda.is_available()}")  # NVIDIA GPU (Windows/Linux)
print(f"MPS available:   {torch.backends.mps.is_available()}")  # Apple silicon GPU
