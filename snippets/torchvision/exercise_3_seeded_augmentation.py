import torch
from torchvision.transforms import v2

torch.manual_seed(0)
image = torch.arange(25).reshape(1, 5, 5)  # a 5x5 "image" whose pixels name their position
crop = v2.RandomCrop(3)


def corners(n=6):
    # The top-left pixel of each crop tells where the crop was taken
    return [crop(image)[0, 0, 0].item() for _ in range(n)]


print(f"6 calls:                    {corners()}")
print(f"6 more calls:               {corners()}")

# The crop positions come from torch's random generator: seed it to repeat them
torch.manual_seed(1)
print(f"after manual_seed(1):       {corners()}")
torch.manual_seed(1)
print(f"after manual_seed(1) again: {corners()}")
