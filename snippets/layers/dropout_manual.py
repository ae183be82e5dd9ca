import torch

torch.manual_seed(0)


def dropout(X, drop_prob):
    keep_prob = 1 - drop_prob
    if keep_prob == 0:  # drop everything
        return torch.zeros_like(X)
    mask = (torch.rand(X.shape) < keep_prob).float()  # 1 with probability keep_prob
    return mask * X / keep_prob  # rescale so the expected value is unchanged


X = torch.arange(16, dtype=torch.float32).reshape(2, 8)
for p in [0.0, 0.5, 1.0]:
    print(f"drop_prob={p}:\n{dropout(X, p)}")

big = torch.ones(1000, 1000)
print(f"mean after dropout(p=0.5) on ones: {dropout(big, 0.5).mean().item():.4f}")
