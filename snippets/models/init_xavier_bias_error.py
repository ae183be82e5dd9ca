from torch import nn

linear = nn.Linear(4, 3)
print(f"weight dim: {linear.weight.dim()}, bias dim: {linear.bias.dim()}")

nn.init.xavier_normal_(linear.weight)  # 2-D: fine
try:
    nn.init.xavier_normal_(linear.bias)  # 1-D: fan_in/fan_out undefined
except ValueError as e:
    print(f"ValueError: {e}")

nn.init.normal_(linear.bias)  # normal_ works for any shape
print(f"normal_ on the bias works: shape {tuple(linear.bias.shape)}")
