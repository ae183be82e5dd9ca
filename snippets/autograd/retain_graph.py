import torch

x = torch.tensor([2.0], requires_grad=True)
y = x**3  # the backward of pow needs the saved x

y.backward()
print(f"first backward: x.grad = {x.grad.item()}")
try:
    y.backward()  # buffers were freed by the first call
except RuntimeError as e:
    print(f"RuntimeError: {e}")

x.grad = None
y = x**3
y.backward(retain_graph=True)  # keep the buffers
y.backward()  # allowed once more; gradients add up
print(f"two backward passes with retain_graph: x.grad = {x.grad.item()}")
