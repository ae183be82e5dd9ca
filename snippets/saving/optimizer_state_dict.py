import torch
from torch import nn

torch.manual_seed(0)

model = nn.Linear(2, 1)
optimizer = torch.optim.SGD(model.parameters(), lr=0.1, momentum=0.9)

sd = optimizer.state_dict()
print(f"keys: {list(sd)}")
group = sd["param_groups"][0]
print(f"one param group holds: {list(group)}")
print(f"lr {group['lr']}, momentum {group['momentum']}, params {group['params']}")
print(f"state before any step: {sd['state']}")

loss = model(torch.randn(4, 2)).pow(2).mean()
loss.backward()
optimizer.step()

# After a step SGD keeps a momentum buffer per parameter: lose it and training changes
state = optimizer.state_dict()["state"]
for idx, buffers in state.items():
    print(f"param {idx}: {list(buffers)} {tuple(buffers['momentum_buffer'].shape)}")
