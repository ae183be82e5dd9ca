from torch import nn

model = nn.Sequential(
    nn.Conv2d(1, 20, 5),
    nn.ReLU(),
    nn.Conv2d(20, 64, 5),
    nn.ReLU(),
)
print(model)
print(f"model[-1]: {model[-1]}")
print(f"model[0:2]: {model[0:2]}")  # a slice is a new Sequential

print(f"pop(-1) returned: {model.pop(-1)}")  # pop needs an index
model[-1] = nn.Tanh()  # replace a layer
del model[0]  # keys are renumbered afterwards
model.append(nn.Linear(10, 3))
print(model)
