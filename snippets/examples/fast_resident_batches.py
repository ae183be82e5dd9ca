import torch

torch.manual_seed(0)
device = (
    torch.accelerator.current_accelerator()
    if torch.accelerator.is_available()
    else torch.device("cpu")
)

# A tiny resident data set: sample i has the feature i and the label i % 3
X = torch.arange(10, dtype=torch.float32, device=device).unsqueeze(1)
y = torch.arange(10, device=device) % 3
batch_size = 4

# In order: a batch is a slice, a view of X without a copy
for i in range(0, len(X), batch_size):
    xb, yb = X[i : i + batch_size], y[i : i + batch_size]
    print(f"in order: x {xb.squeeze(1).int().tolist()}, y {yb.tolist()}")
print(f"X[4:8] is a view into X: {X[4:8].data_ptr() == X.data_ptr() + 4 * X.element_size()}")

# Shuffled: a new permutation per epoch, made on the device; indexing gathers the batch
for epoch in range(2):
    perm = torch.randperm(len(X), device=device)
    batches = [
        X[perm[i : i + batch_size]].squeeze(1).int().tolist() for i in range(0, len(X), batch_size)
    ]
    seen = sorted(v for b in batches for v in b)
    print(f"epoch {epoch}: {batches}, every sample once: {seen == list(range(10))}")
