import torch
from torch import nn

torch.manual_seed(0)


def r(t):
    return t.detach().round(decimals=4) + 0.0  # round, and turn -0.0 into 0.0


bn = nn.BatchNorm1d(3)  # 3 features
print(bn)
print(f"parameters: {[n for n, _ in bn.named_parameters()]}")
print(f"buffers:    {[n for n, _ in bn.named_buffers()]}")

x = torch.randn(64, 3) * 2 + 5  # each feature: mean about 5, std about 2
print(f"batch mean {x.mean(dim=0)}")
bn.train()
y = bn(x)  # normalized with this batch's statistics
print(f"train output mean {r(y.mean(dim=0))}")
print(f"train output std  {r(y.std(dim=0, unbiased=False))}")
# running = (1 - momentum) * running + momentum * batch, momentum = 0.1
print(f"running_mean after 1 batch: {bn.running_mean}")

for _ in range(100):
    bn(torch.randn(64, 3) * 2 + 5)
print(f"running_mean after 101 batches: {bn.running_mean}")
print(f"running_var  after 101 batches: {bn.running_var}")

bn.eval()  # now uses the running statistics, not the batch's
y = bn(x)
print(f"eval output mean {r(y.mean(dim=0))}")

# BatchNorm2d: one mean/var per channel, over (N, H, W)
bn2 = nn.BatchNorm2d(4)
z = bn2(torch.randn(8, 4, 5, 5) + 3)
print(f"BatchNorm2d per-channel mean: {r(z.mean(dim=(0, 2, 3)))}")
