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
