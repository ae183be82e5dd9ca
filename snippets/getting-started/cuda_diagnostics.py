import os
import platform

import torch

# Step 1: which platform is this Python running on?
print(f"1. platform: {platform.system()} {platform.machine()}")

# Step 2: did pip install a CUDA build? '+cpu' or CUDA None means it did not
print(f"2. torch {torch.__version__}, built for CUDA {torch.version.cuda}")

# Step 3: can this process see a GPU? (driver, CUDA_VISIBLE_DEVICES)
visible = os.environ.get("CUDA_VISIBLE_DEVICES", "<not set>")
print(f"3. CUDA_VISIBLE_DEVICES={visible}, GPUs seen: {torch.cuda.device_count()}")

# Step 4: the verdict, and what the GPU needs from the build
if torch.cuda.is_available():
    major, minor = torch.cuda.get_device_capability(0)
    name = torch.cuda.get_device_name(0)
    print(f"4. OK: {name}, compute capability sm_{major}{minor}")
    print(f"   kernels in this build: {torch.cuda.get_arch_list()}")
elif torch.version.cuda is None:
    print("4. CPU-only build: reinstall torch from a CUDA index")
else:
    print("4. CUDA build but no usable GPU: check the driver with nvidia-smi")
