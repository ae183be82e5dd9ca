import os
import tempfile

import torch
from torch import nn

torch.manual_seed(0)

device = (
    torch.accelerator.current_accelerator()
    if torch.accelerator.is_available()
    else torch.device("cpu")
)

model = nn.Linear(4, 2).to(device)

with tempfile.TemporaryDirectory() as tmp:
    path = os.path.join(tmp, "weights.pth")
    torch.save(model.state_dict(), path)  # tensors remember their device

    # Default: each tensor goes back to the device it was saved from
    state = torch.load(path, weights_only=True)
    print(f"default load: {state['weight'].device}")

    # map_location="cpu": read into CPU memory (works on machines without that GPU)
    state = torch.load(path, map_location="cpu", weights_only=True)
    print(f"map_location='cpu': {state['weight'].device}")

    # Or straight onto the device this machine has
    state = torch.load(path, map_location=device, weights_only=True)
    print(f"map_location=device: {state['weight'].device}")

    # load_state_dict copies into the model's own tensors, wherever those live
    cpu_state = torch.load(path, map_location="cpu", weights_only=True)
    fresh = nn.Linear(4, 2).to(device)
    fresh.load_state_dict(cpu_state)
    print(f"fresh model after loading a CPU state_dict: {fresh.weight.device}")
