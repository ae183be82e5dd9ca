import warnings

import torch
from torch import nn

torch.manual_seed(0)

x = torch.tensor([[-1.0, -1.0], [2.0, 2.0]])
softmax_dim1, softmax_dim0 = nn.Softmax(dim=1), nn.Softmax(dim=0)
y1, y0 = softmax_dim1(x), softmax_dim0(x)
print(f"dim=1 (each row sums to 1):\n{y1}")
print(f"dim=0 (each column sums to 1):\n{y0}")
print(f"row sums {y1.sum(dim=1)}, column sums {y0.sum(dim=0)}")

# Leaving an entry out: a 0 logit still counts, since exp(0) = 1 ...
print(f"softmax([1, 2, 0])     = {torch.softmax(torch.tensor([1.0, 2.0, 0.0]), dim=0)}")
# ... so mask it with -inf instead: exp(-inf) = 0, its probability is exactly 0
logits = torch.tensor([1.0, 2.0, 0.5])
keep = torch.tensor([True, True, False])
masked = logits.masked_fill(~keep, -float("inf"))
print(f"masked logits          = {masked}")
print(f"softmax(masked logits) = {torch.softmax(masked, dim=0)}")

# Without dim, Softmax warns and guesses: dim=0 for 0-, 1- and 3-D input, else dim=1
batch = torch.randn(2, 4, 3)  # e.g. (batch, positions, classes)
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    guessed = nn.Softmax()(batch)
print(f"nn.Softmax() -> {caught[0].category.__name__}: {caught[0].message}")
print(
    f"on a 3-D input it normalized dim 0 (the batch): "
    f"{torch.allclose(guessed, torch.softmax(batch, dim=0))}"
)
print(f"classes (dim=-1) sum to 1: {torch.allclose(guessed.sum(dim=-1), torch.ones(2, 4))}")
