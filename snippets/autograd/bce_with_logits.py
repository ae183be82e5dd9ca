import torch
import torch.nn.functional as F

torch.manual_seed(0)

x = torch.ones(5)  # input
y = torch.zeros(3)  # expected output
w = torch.randn(5, 3, requires_grad=True)  # parameters we want gradients for
b = torch.randn(3, requires_grad=True)
z = torch.matmul(x, w) + b  # logits
loss = F.binary_cross_entropy_with_logits(z, y)

print(f"loss: {loss.item():.4f}, grad_fn: {type(loss.grad_fn).__name__}")
loss.backward()
print(f"w.grad:\n{w.grad}")
print(f"b.grad: {b.grad}")
# Each row of w sees x_i = 1, so every row of w.grad equals b.grad
print(f"rows of w.grad equal b.grad: {torch.allclose(w.grad, b.grad.expand(5, 3))}")
