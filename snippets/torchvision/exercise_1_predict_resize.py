from PIL import Image
from torchvision.transforms import v2

img = Image.new("RGB", (320, 240))  # PIL takes (width, height): 320 wide, 240 high
print(f"original PIL size (W, H): {img.size}")

for name, resize in [
    ("Resize(120)", v2.Resize(120)),
    ("Resize((100, 200))", v2.Resize((100, 200))),
    ("Resize(120, max_size=150)", v2.Resize(120, max_size=150)),
]:
    print(f"{name:<26} -> PIL size (W, H): {resize(img).size}")
