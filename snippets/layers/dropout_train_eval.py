import torch
from torch import nn

torch.manual_seed(0)
drop = nn.Dropout(p=0.5)
x = torch.ones(2, 8)

drop.train()  # modules start in training mode
print(f"train mode:\n{drop(x)}")  # survivors are scaled by 1 / (1 - p) = 2
drop.eval()
print(f"eval mode:\n{drop(x)}")  # identity

# Inside a model, model.train() / model.eval() switch every Dropout at once
net = nn.Sequential(
    nn.Flatten(),
    nn.Linear(784, 256),
    nn.ReLU(),
    nn.Dropout(0.2),
    nn.Linear(256, 256),
    nn.ReLU(),
    nn.Dropout(0.5),
    nn.Linear(256, 10),
)
img = torch.rand(1, 1, 28, 28)
net.train()
print(f"train: two calls equal? {torch.equal(net(img), net(img))}")
net.eval()
print(f"eval:  two calls equal? {torch.equal(net(img), net(img))}")
