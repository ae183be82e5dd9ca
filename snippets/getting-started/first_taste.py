import torch

torch.manual_seed(0)

# 1) A tensor library like NumPy, whose tensors can live on a GPU
device = (
    torch.accelerator.current_accelerator()
    if torch.accelerator.is_available()
    else torch.device("cpu")
)
x = torch.rand(2, 3, device=device)
print(f"x on {x.device}:\n{x}")


# 2) Autograd: the graph is recorded while ordinary Python code runs,
#    so if/for decide which operations are differentiated
def f(w):
    if w > 0:
        return w**2
    return -3 * w


for start in (2.0, -1.0):
    w = torch.tensor(start, requires_grad=True)
    y = f(w)
    y.backward()
    print(f"w = {start:4}: f(w) = {y.item():4}, df/dw = {w.grad.item()}")
