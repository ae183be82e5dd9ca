import matplotlib.cbook as cbook
import torch
from PIL import Image
from torchvision.transforms import v2

with cbook.get_sample_data("grace_hopper.jpg") as f:
    img = Image.open(f).convert("RGB")
to_tensor = v2.Compose([v2.ToImage(), v2.ToDtype(torch.float32, scale=True)])
x = to_tensor(img).as_subclass(torch.Tensor)  # 3 x 600 x 512, 0..1, a plain tensor


def stats(t):
    mean = [round(v, 3) + 0.0 for v in t.mean(dim=(1, 2)).tolist()]  # + 0.0: no "-0.0"
    std = [round(v, 3) for v in t.std(dim=(1, 2)).tolist()]
    return f"mean {mean}, std {std}, range {t.min():.3f}..{t.max():.3f}"


print(f"to tensor 0..1  : {stats(x)}")

# mean = std = 0.5 maps 0..1 to -1..1
half = v2.Normalize(mean=[0.5, 0.5, 0.5], std=[0.5, 0.5, 0.5])(x)
print(f"Normalize(0.5)  : {stats(half)}")

# This image's own statistics give mean 0, std 1 per channel
own = v2.Normalize(mean=x.mean(dim=(1, 2)).tolist(), std=x.std(dim=(1, 2)).tolist())(x)
print(f"own mean/std    : {stats(own)}")

# ImageNet statistics, used by the pretrained torchvision models
imagenet = v2.Normalize(mean=[0.485, 0.456, 0.406], std=[0.229, 0.224, 0.225])
y = imagenet(x)
print(f"ImageNet stats  : {stats(y)}")

# output[c] = (input[c] - mean[c]) / std[c]; the input is not modified (inplace=False)
by_hand = (x[0] - 0.485) / 0.229
print(f"channel 0 by hand equal: {torch.allclose(y[0], by_hand)}")
