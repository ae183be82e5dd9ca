import copy

import torch
from torch import nn

torch.manual_seed(0)
model = nn.Linear(2, 1)
optimizer = torch.optim.SGD(model.parameters(), lr=0.1)


def show(t):
    return " ".join(f"{v:7.4f}" for v in t.flatten().tolist())


# Two "snapshots" of the best model so far, taken before more training
best = model.state_dict()
best_copy = copy.deepcopy(model.state_dict())
print(f"weight at the snapshot: {show(model.weight)}")

for _ in range(3):
    loss = model(torch.ones(4, 2)).pow(2).mean()
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()

print(f"weight now:             {show(model.weight)}")
print(f"state_dict() snapshot:  {show(best['weight'])}")
print(f"deepcopy snapshot:      {show(best_copy['weight'])}")
same_memory = best["weight"].data_ptr() == model.weight.data_ptr()
print(f"state_dict() shares memory with the model: {same_memory}")
