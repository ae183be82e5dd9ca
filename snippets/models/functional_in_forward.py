import torch
import torch.nn.functional as F
from torch import nn

torch.manual_seed(0)


class MyModel(nn.Module):
    def __init__(self):
        super().__init__()
        # layers with weights are modules, created once in __init__
        self.conv1 = nn.Conv2d(1, 20, 5)
        self.conv2 = nn.Conv2d(20, 20, 5)

    def forward(self, x):
        # ReLU has no weights, so the function form is enough here
        x = F.relu(self.conv1(x))
        return F.relu(self.conv2(x))


mymodel = MyModel()
print(mymodel)  # F.relu is not a submodule, so it is not listed
x = torch.rand(1, 1, 28, 28)
y = mymodel(x)
print(f"input {tuple(x.shape)} -> output {tuple(y.shape)}")


class Typo(MyModel):
    def forward(self, x):
        x = F.relu(self.conv1(x))
        return F.relu(self.con2(x))  # the notes' typo: there is no self.con2


try:
    Typo()(x)
except AttributeError as e:
    print(f"AttributeError: {e}")
