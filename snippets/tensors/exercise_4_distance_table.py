import torch

points = torch.tensor([[0.0, 0.0], [1.0, 1.0], [3.0, 4.0], [-1.0, 2.0]])  # (4, 2)
centers = torch.tensor([[0.0, 0.0], [3.0, 3.0], [-1.0, 1.0]])  # (3, 2)

# (4, 1, 2) - (1, 3, 2) broadcasts to (4, 3, 2): every point minus every centre
diff = points.unsqueeze(1) - centers.unsqueeze(0)
print(f"diff shape: {diff.shape}")
dist = (diff**2).sum(dim=2).sqrt()  # (4, 3): row = point, column = centre
print(f"distances:\n{dist}")
print(f"nearest centre of each point: {dist.argmin(dim=1)}")

# Without unsqueeze the shapes (4, 2) and (3, 2) do not broadcast
try:
    points - centers
except RuntimeError as e:
    print(f"points - centers -> RuntimeError: {e}")
