import torch

# torch.tensor copies Python data and infers the dtype from it
data = [[1, 2], [3, 4]]
x_data = torch.tensor(data)
print(f"from ints:   {x_data.dtype}\n{x_data}")

print(f"from floats: {torch.tensor([1.0, 2.5]).dtype}")
print(f"from bools:  {torch.tensor([True, False]).dtype}")
scalar = torch.tensor(3.14)  # a 0-dimensional tensor
print(f"a scalar:    {scalar!r}, shape {scalar.shape}")

# Ask for a dtype explicitly when the inferred one is not what you want
print(f"dtype=float32: {torch.tensor([1, 2], dtype=torch.float32)}")

# torch.Tensor (capital T) is the class: always the default float dtype ...
cls = torch.Tensor([1, 2])
print(f"torch.Tensor([1, 2]): {cls}, dtype {cls.dtype}")
# ... and bare integers are read as a SHAPE, giving an uninitialized tensor
print(f"torch.tensor(3): {torch.tensor(3)!r}")
print(f"torch.Tensor(3): shape {torch.Tensor(3).shape}, values uninitialized")
