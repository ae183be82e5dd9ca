import torch
from torchvision.transforms import v2

torch.manual_seed(0)
x = torch.arange(1, 17.0).reshape(1, 4, 4)  # a 1-channel 4x4 "image"
print(f"image:\n{x[0]}")

print(f"RandomCrop(2):\n{v2.RandomCrop(2)(x)[0]}")
print(f"RandomCrop((2, 3)) shape: {tuple(v2.RandomCrop((2, 3))(x).shape)}")

# padding is applied first, then the crop is taken from the padded image
for padding in [1, (1, 2), (1, 0, 0, 2)]:
    crop = v2.RandomCrop(4, padding=padding)
    padded = v2.Pad(padding)(x)
    print(
        f"padding={padding}: padded to {tuple(padded.shape[1:])}, crop {tuple(crop(x).shape[1:])}"
    )

print(f"RandomCrop(5, padding=1, fill=-1):\n{v2.RandomCrop(5, padding=1, fill=-1)(x)[0]}")

# A crop larger than the image needs pad_if_needed
try:
    v2.RandomCrop(6)(x)
except ValueError as e:
    print(f"RandomCrop(6) -> ValueError: {e}")
print(
    f"RandomCrop(6, pad_if_needed=True) shape: "
    f"{tuple(v2.RandomCrop(6, pad_if_needed=True)(x).shape)}"
)
