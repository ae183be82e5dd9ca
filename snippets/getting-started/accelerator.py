import torch

print(f"is_available():          {torch.accelerator.is_available()}")
print(f"device_count():          {torch.accelerator.device_count()}")
# Names the accelerator type this build was compiled for, even when none is usable
print(f"current_accelerator():   {torch.accelerator.current_accelerator()}")
# check_available=True adds the runtime check and gives None when nothing is usable
checked = torch.accelerator.current_accelerator(check_available=True)
print(f"  (check_available=True): {checked}")

# So guard it with is_available(): CUDA, else MPS, else CPU
device = (
    torch.accelerator.current_accelerator()
    if torch.accelerator.is_available()
    else torch.device("cpu")
)
print(f"chosen device:           {device}")

# The same choice, written the older way with one check per backend
legacy = (
    "cuda" if torch.cuda.is_available() else "mps" if torch.backends.mps.is_available() else "cpu"
)
print(f"older idiom:             {legacy}")

x = torch.ones(2, 2, device=device)
print(f"x.device:                {x.device}")
