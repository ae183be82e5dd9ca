import torch

version = torch.__version__
local = version.split("+")[1] if "+" in version else None  # e.g. 'cu130' or 'cpu'
print(f"torch version:   {version}")
print(f"build suffix:    {local}")
print(f"built for CUDA:  {torch.version.cuda}")

if torch.version.cuda is not None:
    verdict = f"a CUDA {torch.version.cuda} build"
elif local == "cpu":
    verdict = "a CPU-only build"
else:
    verdict = "a build without CUDA (on macOS: CPU and MPS)"
print(f"verdict:         {verdict}")
