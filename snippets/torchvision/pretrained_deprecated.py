import warnings

import torch
from torchvision import models


def build(**kwargs):
    # meta device: shapes only, no memory, no initialization (and weights=None downloads nothing)
    with torch.device("meta"), warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        model = models.vgg16(**kwargs)
    return model, caught


old, caught = build(pretrained=False)  # the notes' spelling
print(f"vgg16(pretrained=False): {len(caught)} warnings")
for w in caught:
    print(f"  {w.category.__name__}: {w.message}")

new, caught = build(weights=None)  # the current spelling of the same thing
print(f"vgg16(weights=None): {len(caught)} warnings")
same = [p.shape for p in old.parameters()] == [p.shape for p in new.parameters()]
print(f"same architecture: {same}, {sum(p.numel() for p in new.parameters()):,} parameters")
