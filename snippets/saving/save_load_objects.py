import os
import tempfile

import torch

with tempfile.TemporaryDirectory() as tmp:
    # A single tensor
    path = os.path.join(tmp, "x.pt")
    torch.save(torch.arange(4), path)
    print(f"tensor: {torch.load(path, weights_only=True)}")

    # Lists and dicts of tensors work too: keys stay strings, values stay tensors
    path = os.path.join(tmp, "bundle.pt")
    torch.save({"w": torch.ones(2, 2), "ids": [torch.tensor(1), torch.tensor(2)]}, path)
    bundle = torch.load(path, weights_only=True)
    print(f"dict keys: {list(bundle)}")
    print(f"bundle['w']:\n{bundle['w']}")
    print(f"bundle['ids']: {bundle['ids']}")

    # Values are stored as they are: plain Python numbers are not turned into tensors
    path = os.path.join(tmp, "meta.pt")
    torch.save({"epoch": 3, "lr": 0.1}, path)
    meta = torch.load(path, weights_only=True)
    kinds = {k: type(v).__name__ for k, v in meta.items()}
    print(f"plain values: {meta}, types {kinds}")
