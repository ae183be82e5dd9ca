import torch

# Minimise loss(w) = w**2 (best w is 0) from w = 1 with three learning rates
for lr in (0.01, 0.4, 1.1):
    w = torch.nn.Parameter(torch.tensor(1.0))
    optimizer = torch.optim.SGD([w], lr=lr)
    trace = []
    for step in range(10):
        loss = w**2
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        trace.append(w.item())
    first = [round(v, 3) for v in trace[:3]]
    print(f"lr={lr:<4}: w after steps 1..3 = {first}, after 10 = {trace[-1]:.3g}")
