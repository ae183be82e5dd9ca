import torch

x = torch.tensor([[1.0, 2.0], [3.0, 4.0]])
y = torch.tensor([[10.0, 20.0], [30.0, 40.0]])

x += 1  # adds 1 to every element
print(f"x += 1:\n{x}")
print(f"x + y:\n{x + y}")
print(f"x * y (element-wise, Hadamard):\n{x * y}")
print(f"x ** 2 equals x * x: {torch.equal(x**2, x * x)}")
print(f"y / x:\n{y / x}")
print(f"x > 3:\n{x > 3}")

# Operators and functions are interchangeable
print(f"torch.add(x, y) equals x + y: {torch.equal(torch.add(x, y), x + y)}")
