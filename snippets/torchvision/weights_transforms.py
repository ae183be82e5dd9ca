import matplotlib.cbook as cbook
from PIL import Image
from torchvision.models import VGG16_Weights

weights = VGG16_Weights.DEFAULT
preprocess = weights.transforms()  # the exact preprocessing these weights were trained with
print(preprocess)

with cbook.get_sample_data("grace_hopper.jpg") as f:
    img = Image.open(f).convert("RGB")
x = preprocess(img)  # resize 256 -> centre crop 224 -> float 0..1 -> normalize
print(f"input: PIL {img.size[1]}x{img.size[0]} (H x W)")
print(f"output: {type(x).__name__} {tuple(x.shape)} {x.dtype}, range {x.min():.2f}..{x.max():.2f}")
print(f"batch for the model: {tuple(x.unsqueeze(0).shape)}")
