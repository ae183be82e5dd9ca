import torch
from PIL import Image
from torchvision import transforms
from torchvision.transforms import v2

torch.manual_seed(0)

# A tiny 2 x 3 RGB picture, as PIL.Image.open would give it: H x W x C, uint8 0..255
pixels = torch.randint(0, 256, (2, 3, 3), dtype=torch.uint8).numpy()
img = Image.fromarray(pixels)
print(f"PIL image: size (W, H) = {img.size}, mode {img.mode}")

to_image = v2.ToImage()  # PIL image / ndarray -> tensor, C x H x W, still uint8
x = to_image(img)
print(f"ToImage:   {type(x).__name__} {tuple(x.shape)} {x.dtype}, range {x.min()}..{x.max()}")
to_float = v2.ToDtype(torch.float32, scale=True)  # uint8 0..255 -> float 0..1
x = to_float(x)
print(f"ToDtype:   {tuple(x.shape)} {x.dtype}, range {x.min():.3f}..{x.max():.3f}")
normalize = v2.Normalize(mean=[0.5, 0.5, 0.5], std=[0.5, 0.5, 0.5])  # (x - 0.5) / 0.5
x = normalize(x)
print(f"Normalize: range {x.min():.3f}..{x.max():.3f}")

# Compose chains them; a data set applies the chain to every sample (transform=...)
transform = v2.Compose([to_image, to_float, normalize])
print(f"Compose gives the same: {torch.equal(transform(img), x)}")

# The old transforms.ToTensor() did ToImage + ToDtype(scale=True) in one step
old = transforms.ToTensor()(img)
print(f"transforms.ToTensor(): {tuple(old.shape)} {old.dtype}, "
      f"same as ToImage + ToDtype: {torch.allclose(old, to_float(to_image(img)))}")
