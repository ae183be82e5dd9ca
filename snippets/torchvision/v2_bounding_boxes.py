import torch
from torchvision import tv_tensors
from torchvision.transforms import v2

image = tv_tensors.Image(torch.zeros(3, 600, 512, dtype=torch.uint8))
boxes = tv_tensors.BoundingBoxes(
    [[100, 50, 300, 250]],
    format="XYXY",
    canvas_size=(600, 512),  # x1, y1, x2, y2
)

# One call transforms image and boxes together, with the same random parameters
tf = v2.Compose([v2.Resize((300, 256)), v2.RandomHorizontalFlip(p=1.0)])
new_image, new_boxes = tf(image, boxes)
print(f"image: {tuple(image.shape)} -> {tuple(new_image.shape)}")
print(f"boxes: {boxes.tolist()} -> {new_boxes.tolist()}")
print(f"canvas_size: {boxes.canvas_size} -> {new_boxes.canvas_size}")
