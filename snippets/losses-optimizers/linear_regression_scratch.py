import torch
from torch import nn

torch.manual_seed(0)

# Synthetic data: y = X w + b + noise, with w = [2, -3.4] and b = 4.2
true_w, true_b = torch.tensor([[2.0], [-3.4]]), 4.2
X = torch.randn(1000, 2)
y = X @ true_w + true_b + 0.01 * torch.randn(1000, 1)

lr, epochs, batch_size = 0.01, 3, 10


def batches(epoch):
    # The same shuffled mini-batches for both runs below
    order = torch.randperm(len(X), generator=torch.Generator().manual_seed(epoch))
    for i in range(0, len(X), batch_size):
        idx = order[i : i + batch_size]
        yield X[idx], y[idx]


# 1. From scratch: the parameters are plain tensors that require grad
w = torch.normal(0, 0.01, size=(2, 1), requires_grad=True)
b = torch.zeros(1, requires_grad=True)
w_start, b_start = w.detach().clone(), b.detach().clone()  # reused in part 2

for epoch in range(epochs):
    for xb, yb in batches(epoch):
        loss = ((xb @ w + b - yb) ** 2).mean()  # mean squared error
        loss.backward()
        with torch.no_grad():  # update without recording it in a graph
            w -= lr * w.grad
            b -= lr * b.grad
        w.grad.zero_()  # gradients accumulate: clear them for the next batch
        b.grad.zero_()
    with torch.no_grad():
        print(f"scratch   epoch {epoch}: loss {((X @ w + b - y) ** 2).mean():.6f}")


# 2. The same with the notes' LinearNet, nn.MSELoss and torch.optim.SGD
class LinearNet(nn.Module):
    def __init__(self, n_feature):
        super().__init__()
        self.linear = nn.Linear(n_feature, 1)  # weight (1, n_feature), bias (1,)

    def forward(self, x):
        return self.linear(x)  # x: (batch, n_feature)


net = LinearNet(2)
with torch.no_grad():  # the same starting point as part 1
    net.linear.weight.copy_(w_start.T)
    net.linear.bias.copy_(b_start)
loss_fn = nn.MSELoss()
optimizer = torch.optim.SGD(net.parameters(), lr=lr)

for epoch in range(epochs):
    for xb, yb in batches(epoch):
        loss = loss_fn(net(xb), yb)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()  # w -= lr * w.grad for every parameter
    with torch.no_grad():
        print(f"nn + optim epoch {epoch}: loss {loss_fn(net(X), y):.6f}")

print(f"true:       w {[round(v, 4) for v in true_w.flatten().tolist()]}, b {true_b}")
print(f"scratch:    w {[round(v, 4) for v in w.flatten().tolist()]}, b {b.item():.4f}")
print(
    f"nn + optim: w {[round(v, 4) for v in net.linear.weight.flatten().tolist()]}, "
    f"b {net.linear.bias.item():.4f}"
)
# Bit for bit equal? Only if optim.SGD's update rounds exactly like `w -= lr * w.grad`
pairs = [(w.T, net.linear.weight), (b, net.linear.bias)]
print(f"torch.equal (w, b): {[torch.equal(p, q) for p, q in pairs]}")
diff = max((p - q).abs().max().item() for p, q in pairs)
print(f"max abs difference between the two runs: {diff:.1e}")

# The notes' LinearNet(128): one Linear layer, 128 inputs -> 1 output
for name, p in LinearNet(128).named_parameters():
    print(f"LinearNet(128) {name}: shape {tuple(p.shape)}")
