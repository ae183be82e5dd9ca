import warnings

import torch

torch.manual_seed(0)

v = torch.tensor([1.0, 2.0, 3.0])
print(f"vector @ vector (dot product): {v @ v!r}")

m = torch.rand(2, 3)
print(f"matrix (2, 3) @ vector (3,): shape {tuple((m @ v).shape)}")

# matmul / @ treat leading dimensions as a batch and broadcast them
a = torch.rand(10, 2, 3)  # 10 matrices of shape (2, 3)
b = torch.rand(3, 4)  # one (3, 4) matrix, reused for all 10
print(f"(10, 2, 3) @ (3, 4): shape {tuple((a @ b).shape)}")

# torch.mm accepts only two 2-D matrices; torch.bmm only 3-D batches
try:
    torch.mm(a, b)
except RuntimeError as e:
    print(f"torch.mm on a 3-D tensor -> RuntimeError: {e}")

# Transpose the last two dims of a batch with .mT (plain .T is for 2-D)
print(f"a.mT.shape = {tuple(a.mT.shape)}")

# .T on a 3-D tensor still reverses all dims, but warns that this is deprecated
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    reversed_dims = a.T
# drop the C++ source location at the end of the message
message = str(caught[0].message).split(" (Triggered internally")[0]
print(f"a.T.shape = {tuple(reversed_dims.shape)}, {caught[0].category.__name__}: {message}")
print(f"a.permute(2, 1, 0).shape = {tuple(a.permute(2, 1, 0).shape)} (no warning)")

# einsum spells out the indices: here a batched product and a trace
batched = torch.einsum("bij,jk->bik", a, b)
print(f"einsum('bij,jk->bik'): shape {tuple(batched.shape)}")
sq = torch.tensor([[1.0, 2.0], [3.0, 4.0]])
print(f"einsum('ii', sq) = trace = {torch.einsum('ii', sq)}")
