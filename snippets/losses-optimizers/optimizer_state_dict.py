import torch
from torch import nn

torch.manual_seed(0)

model = nn.Linear(2, 1)
# Two parameter groups: decay the weight, not the bias
optimizer = torch.optim.SGD(
    [
        {"params": [model.weight], "weight_decay": 1e-2},
        {"params": [model.bias], "weight_decay": 0.0},
    ],
    lr=0.1,
    momentum=0.9,
)

loss = model(torch.randn(4, 2)).pow(2).mean()
loss.backward()
optimizer.step()

sd = optimizer.state_dict()
print(f"keys: {list(sd)}")
# 'state': per-parameter buffers, keyed by the parameter's index
for idx, buffers in sd["state"].items():
    print(f"state[{idx}]: {buffers}")
# 'param_groups': the hyper-parameters of each group; params are indices
shown = ["lr", "momentum", "weight_decay", "nesterov", "params"]  # of many keys
for group in sd["param_groups"]:
    print({k: group[k] for k in shown})

# Restore into a fresh optimizer (e.g. when resuming from a checkpoint)
new_opt = torch.optim.SGD([{"params": [model.weight]}, {"params": [model.bias]}], lr=0.5)
new_opt.load_state_dict(sd)
print(
    f"restored lr: {new_opt.param_groups[0]['lr']}, weight_decay: "
    f"{[g['weight_decay'] for g in new_opt.param_groups]}"
)
print(f"restored momentum buffer: {new_opt.state[model.weight]['momentum_buffer']}")

# Adam keeps more state per parameter
adam = torch.optim.Adam(model.parameters())
model(torch.randn(4, 2)).pow(2).mean().backward()
adam.step()
print(f"Adam state keys: {list(adam.state_dict()['state'][0])}")
