import torch

# The example from the notes: a (1, 2) row is stretched to (3, 2)
x = torch.tensor([[1, 2]])
y = torch.zeros(3, 2, dtype=torch.int64)
print(f"x {tuple(x.shape)} + y {tuple(y.shape)} =\n{x + y}")

# Shapes are compared from the right;
# a size-1 (or missing) dimension is stretched
col = torch.tensor([[0], [10], [20]])  # (3, 1)
row = torch.tensor([1, 2, 3, 4])  # (4,) is treated as (1, 4)
print(f"col {tuple(col.shape)} + row {tuple(row.shape)} =\n{col + row}")

# No input is copied: a stretched dimension is a view with stride 0 (see expand)
x_big = x.expand(3, 2)
print(
    f"x.expand(3, 2): shape {tuple(x_big.shape)}, stride {x_big.stride()}, "
    f"same memory as x: {x_big.data_ptr() == x.data_ptr()}"
)
# ...but the result is a new tensor allocated at the full broadcast shape
table = col + row
print(f"numel: col {col.numel()} + row {row.numel()} -> result {table.numel()}")

# A scalar broadcasts to every element
print(f"row * 10 = {row * 10}")

# broadcast_shapes gives the result's shape without computing anything
shape = torch.broadcast_shapes((8, 1, 6), (7, 1))
print(f"(8, 1, 6) with (7, 1) -> {tuple(shape)}")

# Sizes that differ and are not 1 cannot be broadcast
try:
    torch.zeros(2) + torch.zeros(3)
except RuntimeError as e:
    print(f"RuntimeError: {e}")
