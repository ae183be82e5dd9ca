import torch
from torch import nn

torch.manual_seed(0)
dropout = nn.Dropout(p=0.5)
x = torch.ones(10_000)

dropout.train()
out = dropout(x)
print(f"train: share of zeros {(out == 0).float().mean():.4f}")
print(f"train: values kept {out[out != 0].unique().tolist()}, mean {out.mean():.4f}")

dropout.eval()
out = dropout(x)
print(f"eval:  output equals input: {torch.equal(out, x)}, mean {out.mean():.4f}")
