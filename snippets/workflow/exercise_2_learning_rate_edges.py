import torch

# loss(w) = w**2 from w = 1: each step multiplies w by (1 - 2 * lr)
for lr in (0.5, 0.9, 1.0):
    w = torch.nn.Parameter(torch.tensor(1.0))
    optimizer = torch.optim.SGD([w], lr=lr)
    trace = []
    for step in range(5):
        loss = w**2
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        trace.append(round(w.item(), 4))
    print(f"lr={lr}: w after steps 1..5 = {trace}")
