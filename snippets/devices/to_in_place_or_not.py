import torch
from torch import nn

torch.manual_seed(0)

device = (
    torch.accelerator.current_accelerator()
    if torch.accelerator.is_available()
    else torch.device("cpu")
)
print(f"device: {device}")

# Modules: .to() moves the parameters in place and returns the same object
model = nn.Linear(3, 1)
returned = model.to(device)
print(f"model.to(device) is model: {returned is model}")
print(f"model.weight.device: {model.weight.device}")

# Tensors: .to() returns a tensor; the original is never changed
x = torch.ones(3)
y = x.to(device)
print(f"x.to(device) is x: {y is x}  (x on {x.device}, y on {y.device})")

# A real conversion always makes a new tensor with its own memory
z = x.to(torch.float64)
print(f"x.to(float64) is x: {z is x}; x.dtype still {x.dtype}, z.dtype {z.dtype}")
print(f"same memory: {z.data_ptr() == x.data_ptr()}")

if torch.cuda.is_available():
    x_gpu = x.cuda()  # a copy on cuda:0; x stays on the CPU
    print(f"x.cuda() is x: {x_gpu is x}; x on {x.device}, copy on {x_gpu.device}")
    model.cuda()  # no assignment needed for a module
    print(f"after model.cuda(): {model.weight.device}")
else:
    print("no CUDA here: x.cuda() would return a new tensor, x would stay on cpu")
