import warnings

import torch

print(f"default dtype: {torch.get_default_dtype()}")
print(f"tensor([1.5]): {torch.tensor([1.5]).dtype}")
print(f"ones(2):       {torch.ones(2).dtype}")

# Change the default floating-point dtype for everything created afterwards
torch.set_default_dtype(torch.float64)
print("after set_default_dtype(torch.float64):")
print(f"  tensor([1.5]): {torch.tensor([1.5]).dtype}")
print(f"  ones(2):       {torch.ones(2).dtype}")
print(f"  tensor([1]):   {torch.tensor([1]).dtype} (integers unaffected)")

torch.set_default_dtype(torch.float32)  # restore the usual default

# The old spelling still works, but warns that it is deprecated
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    torch.set_default_tensor_type(torch.DoubleTensor)
# drop the C++ source location at the end of the message
message = str(caught[0].message).split(" (Triggered internally")[0]
print(f"set_default_tensor_type -> {caught[0].category.__name__}: {message}")
print(f"  default dtype now: {torch.get_default_dtype()}")
torch.set_default_dtype(torch.float32)  # restore again
print(f"restored: {torch.get_default_dtype()}")
