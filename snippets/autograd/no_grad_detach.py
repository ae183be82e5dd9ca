import torch

torch.manual_seed(0)

x = torch.ones(5)
w = torch.randn(5, 3, requires_grad=True)
b = torch.randn(3, requires_grad=True)

z = torch.matmul(x, w) + b
print(f"tracked:         z.requires_grad = {z.requires_grad}")

with torch.no_grad():
    z = torch.matmul(x, w) + b
print(f"under no_grad(): z.requires_grad = {z.requires_grad}")

z = torch.matmul(x, w) + b
z_det = z.detach()
print(f"z.detach():      z_det.requires_grad = {z_det.requires_grad}")
# detach() returns a view of the same data, cut off from the graph
print(f"same storage: {z_det.data_ptr() == z.data_ptr()}, z_det.is_leaf: {z_det.is_leaf}")
