import torch
from torchvision.transforms import v2

torch.manual_seed(0)
image = torch.randint(0, 256, (3, 4, 4), dtype=torch.uint8)  # a tiny uint8 RGB image

mean, std = [0.485, 0.456, 0.406], [0.229, 0.224, 0.225]
to_float = v2.Compose([v2.ToImage(), v2.ToDtype(torch.float32, scale=True)])
normalize = v2.Normalize(mean, std)

x = to_float(image)  # 0..1
z = normalize(x)
print(f"normalized range: {z.min():.4f} .. {z.max():.4f}")

# Undo it channel by channel: x = z * std + mean, with shapes (3, 1, 1) to broadcast
back = z * torch.tensor(std).view(3, 1, 1) + torch.tensor(mean).view(3, 1, 1)
print(f"largest difference from x: {(back - x).abs().max():.1e}")
restored = (back * 255).round().to(torch.uint8)
print(f"back to uint8, equal to the original: {torch.equal(restored, image)}")
