import matplotlib.cbook as cbook
import torch
from PIL import Image
from torchvision.transforms import v2

with cbook.get_sample_data("grace_hopper.jpg") as f:
    img = Image.open(f).convert("RGB")  # PIL image, 512 wide x 600 high

# The notes' example: each step's output is the next step's input
trans = v2.Compose(
    [
        v2.CenterCrop(10),  # PIL -> PIL, 10x10 from the centre
        v2.PILToTensor(),  # PIL -> uint8 tensor, C x H x W
        v2.ToDtype(torch.float32, scale=True),  # uint8 0..255 -> float 0..1
    ]
)
print(trans)

x = img
print(f"input: {type(x).__name__}, size {x.size} (width, height)")
for t in trans.transforms:  # what Compose does: feed forward one by one
    x = t(x)
    desc = f"{tuple(x.shape)} {x.dtype}" if torch.is_tensor(x) else f"size {x.size}"
    print(f"after {type(t).__name__:<12}: {type(x).__name__}, {desc}")
print(f"same as trans(img): {torch.equal(x, trans(img))}")

# Order matters: Normalize needs a tensor, so it cannot come before ToImage
wrong = v2.Compose(
    [
        v2.Normalize([0.5] * 3, [0.5] * 3),
        v2.ToImage(),
        v2.ToDtype(torch.float32, scale=True),
    ]
)
try:
    wrong(img)
except TypeError as e:
    print(f"Normalize before ToImage -> TypeError: {e}")
