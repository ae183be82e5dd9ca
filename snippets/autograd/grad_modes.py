import torch

w = torch.ones(2, requires_grad=True)

with torch.no_grad():
    a = w * 2
    with torch.enable_grad():  # switch back on inside a no_grad block
        b = w * 2
print(f"no_grad: {a.requires_grad}, enable_grad inside it: {b.requires_grad}")

# set_grad_enabled takes a flag: one code path for training and evaluation
for is_train in (True, False):
    with torch.set_grad_enabled(is_train):
        c = w * 2
    print(f"set_grad_enabled({is_train}): {c.requires_grad}")


# no_grad also works as a decorator
@torch.no_grad()
def predict(t):
    return t * 2


print(f"@torch.no_grad() function: {predict(w).requires_grad}")

# inference_mode: like no_grad, faster; its results are "inference tensors"
with torch.inference_mode():
    d = w * 2
print(f"inference_mode: requires_grad={d.requires_grad}, is_inference={d.is_inference()}")

# An inference tensor can be used in later computations...
e = d * 3  # outside any graph: gives a normal tensor
print(f"d * 3: is_inference={e.is_inference()}")
(d + w).sum().backward()  # in a graph too, as long as no backward formula saves d
print(f"(d + w).sum().backward(): ok, w.grad={w.grad}")
# ...but it cannot be SAVED for backward: mul saves d to compute w's gradient
try:
    (d * w).sum().backward()
except RuntimeError as err:
    print(f"(d * w).sum().backward() -> RuntimeError: {err}")

print(f"grad mode on at top level: {torch.is_grad_enabled()}")
