from torchvision import models
from torchvision.models import ResNet50_Weights, VGG16_Weights

# Every model has a Weights enum; nothing is downloaded by looking at it
print(f"VGG16_Weights members: {list(VGG16_Weights)}")
weights = VGG16_Weights.DEFAULT
print(f"VGG16_Weights.DEFAULT is {weights}")
print(f"url: {weights.url}")
meta = weights.meta
print(f"ImageNet-1K accuracy: {meta['_metrics']['ImageNet-1K']}")
print(f"categories: {len(meta['categories'])}, first five {meta['categories'][:5]}")
print(
    f"num_params: {meta['num_params']:,}, file size: {meta['_file_size']} MB, "
    f"min_size: {meta['min_size']}"
)

# Newer training recipes give newer weights for the same architecture
for w in ResNet50_Weights:
    print(f"{w}: acc@1 {w.meta['_metrics']['ImageNet-1K']['acc@1']}%")
print(f"ResNet50_Weights.DEFAULT is {ResNet50_Weights.DEFAULT}")

# Looking weights up by name, as weights="DEFAULT" / "IMAGENET1K_V2" strings do
print(f"get_weight: {models.get_weight('ResNet50_Weights.IMAGENET1K_V2')}")
print(f"get_model_weights('vgg16'): {models.get_model_weights('vgg16').__name__}")
