from torch import nn


class Broken(nn.Module):
    def __init__(self):
        try:
            super.__init__()  # typo: the class `super`, not the call `super()`
        except TypeError as e:
            print(f"TypeError: {e}")
        try:
            self.linear1 = nn.Linear(4, 2)  # Module.__init__ never ran
        except AttributeError as e:
            print(f"AttributeError: {e}")


class Fixed(nn.Module):
    def __init__(self):
        super().__init__()
        self.linear1 = nn.Linear(4, 2)
        self.sigmoid1 = nn.Sigmoid()

    def forward(self, x):
        return self.sigmoid1(self.linear1(x))


Broken()
print(Fixed())
