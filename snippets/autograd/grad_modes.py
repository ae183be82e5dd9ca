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

# inference_mode: like no_grad, faster, but its results can never join a graph
with torch.inference_mode():
    d = w * 2
print(f"inference_mode: requires_grad={d.requires_grad}, is_inference={d.is_inference()}")
try:
    (d * w).sum().backward()
except RuntimeError as e:
    print(f"RuntimeError: {e}")

print(f"grad mode on at top level: {torch.is_grad_enabled()}")
