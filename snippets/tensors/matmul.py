import torch

x = torch.tensor([[1.0, 2.0], [3.0, 4.0]])
w = torch.tensor([[1.0, 0.0, 1.0], [0.0, 1.0, 1.0]])  # (2, 3)

# Four spellings of the same matrix product (2, 2) @ (2, 3) -> (2, 3)
print(f"torch.mm(x, w) =\n{torch.mm(x, w)}")
print(f"x.matmul(w) equals x @ w: {torch.equal(x.matmul(w), x @ w)}")
product = torch.einsum("ij,jk->ik", x, w)  # sum over the shared index j
print(f"einsum equals x @ w:      {torch.equal(product, x @ w)}")

# .T transposes a 2-D tensor
print(f"w.T.shape = {w.T.shape}")
print(f"x @ x.T =\n{x @ x.T}")

# The element-wise product is a different thing from the matrix product
print(f"x * x =\n{x * x}")
print(f"torch.mm(x, x) =\n{torch.mm(x, x)}")
