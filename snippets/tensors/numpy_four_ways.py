import numpy as np
import torch

arr = np.array([[1, 2], [3, 4]])  # NumPy's default integer: int64
print(f"numpy dtype: {arr.dtype}")

made = {
    "torch.tensor(arr)": torch.tensor(arr),
    "torch.Tensor(arr)": torch.Tensor(arr),
    "torch.as_tensor(arr)": torch.as_tensor(arr),
    "torch.from_numpy(arr)": torch.from_numpy(arr),
}

# Write into the array, then look at what each tensor sees
arr[0, 0] = 100
for name, t in made.items():
    shared = "shares memory" if t[0, 0] == 100 else "own copy"
    first = t[0, 0].item()
    print(f"{name:<22} {str(t.dtype):<13} t[0, 0] = {first:<5} {shared}")

# Sharing happens only when no conversion is needed
f32 = np.zeros(2, dtype=np.float32)
t_class = torch.Tensor(f32)  # float32 already: no conversion, so it shares
t_conv = torch.as_tensor(f32, dtype=torch.float64)  # converting: a copy
f32[0] = 1
print(f"torch.Tensor(float32 array)     -> {t_class} (shares memory)")
print(f"torch.as_tensor(..., float64)   -> {t_conv} (own copy)")
