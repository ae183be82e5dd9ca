import torch
from torch import nn

torch.manual_seed(0)

device = (
    torch.accelerator.current_accelerator()
    if torch.accelerator.is_available()
    else torch.device("cpu")
)

# A plain loss holds no tensors: nothing to move
plain = nn.CrossEntropyLoss()
print(f"plain loss state_dict: {dict(plain.state_dict())}")

# A class-weighted loss stores the weights as a buffer: it must follow the data
weighted = nn.CrossEntropyLoss(weight=torch.tensor([1.0, 2.0, 0.5]))
print(f"weighted loss buffers: {[name for name, _ in weighted.named_buffers()]}")
weighted.to(device)  # in place, like any module
print(f"weight now on: {weighted.weight.device}")

model = nn.Linear(4, 3).to(device)
inputs = torch.randn(5, 4).to(device)
targets = torch.tensor([0, 2, 1, 1, 0]).to(device)
loss = weighted(model(inputs), targets)
print(f"loss {loss.item():.4f} computed on {loss.device}")

if torch.cuda.is_available():
    try:
        model(torch.randn(5, 4))  # input forgotten on the CPU
    except RuntimeError as e:
        print(f"RuntimeError: {str(e).splitlines()[0]}")
else:
    print("no CUDA here: a CPU input to a CUDA model would raise a device mismatch")
