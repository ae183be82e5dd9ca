import torch
from torch import nn

torch.manual_seed(0)


class MLP(nn.Module):
    def __init__(self, n_in, n_hidden, n_out):
        super().__init__()
        self.hidden = nn.Linear(n_in, n_hidden)
        self.out = nn.Linear(n_hidden, n_out)

    def forward(self, x):
        # ReLU has no weights: a function call in forward is enough
        return self.out(torch.relu(self.hidden(x)))


model = MLP(4, 8, 3)
print(model)
print(f"parameter names: {[name for name, _ in model.named_parameters()]}")
x = torch.rand(5, 4)
print(f"output shape: {tuple(model(x).shape)}")
# Same result as the Sequential version, given the same weights
seq = nn.Sequential(model.hidden, nn.ReLU(), model.out)
print(f"equal to Sequential: {torch.equal(model(x), seq(x))}")
