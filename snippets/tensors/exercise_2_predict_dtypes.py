import numpy as np
import torch

# Predict each dtype before running
cases = {
    "torch.tensor([1, 2, 3])": torch.tensor([1, 2, 3]),
    "torch.tensor([1, 2.0, 3])": torch.tensor([1, 2.0, 3]),
    "torch.tensor([True, False])": torch.tensor([True, False]),
    "torch.Tensor([1, 2, 3])": torch.Tensor([1, 2, 3]),
    "torch.arange(5)": torch.arange(5),
    "torch.arange(0, 1, 0.25)": torch.arange(0, 1, 0.25),
    "torch.zeros(2)": torch.zeros(2),
    "torch.from_numpy(np.zeros(2))": torch.from_numpy(np.zeros(2)),
}
for code, t in cases.items():
    print(f"{code:30} -> {t.dtype}")
