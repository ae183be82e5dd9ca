import torch

torch.manual_seed(0)

# The shape: a tuple (a trailing comma is allowed) or plain arguments
shape = (
    2,
    3,
)
rand_tensor = torch.rand(shape)  # uniform on [0, 1)
randn_tensor = torch.randn(2, 3)  # standard normal N(0, 1)
ones_tensor = torch.ones(shape)
zeros_tensor = torch.zeros(shape, dtype=torch.int64)
print(f"rand:\n{rand_tensor}")
print(f"randn:\n{randn_tensor}")
print(f"ones:\n{ones_tensor}")
print(f"zeros (int64):\n{zeros_tensor}")

# empty only allocates memory: the values are whatever was there,
# so never rely on them
empty_tensor = torch.empty(5, 3)
print(f"empty: shape {empty_tensor.shape}, dtype {empty_tensor.dtype}")
empty_tensor.fill_(7.0)  # fill it before use
print(f"after fill_: {empty_tensor[0]}")

# Other handy constructors
print(f"full:     {torch.full((3,), 0.5)}")
print(f"arange:   {torch.arange(0, 10, 3)}")
print(f"linspace: {torch.linspace(0, 1, 5)}")
print(f"eye:\n{torch.eye(2)}")
