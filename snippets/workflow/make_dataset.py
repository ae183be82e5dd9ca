import torch
from torch.utils.data import DataLoader, TensorDataset, random_split

torch.manual_seed(0)

# Step 2: the data. Three clouds of 2-D points, 200 per class, around three centres
centers = torch.tensor([[-2.0, 0.0], [2.0, 0.0], [0.0, 2.5]])
y = torch.arange(3).repeat_interleave(200)  # labels 0,...,0,1,...,1,2,...,2
X = centers[y] + torch.randn(600, 2)  # each point = its centre + noise
print(f"X: {X.shape} {X.dtype}, y: {y.shape} {y.dtype}")

# A Dataset returns one (features, label) pair per index
dataset = TensorDataset(X, y)
print(f"len(dataset) = {len(dataset)}, dataset[0] = {dataset[0]}")

# Hold out 20% for testing
train_data, test_data = random_split(dataset, [0.8, 0.2])
print(f"train: {len(train_data)} samples, test: {len(test_data)} samples")

# A DataLoader cuts a Dataset into shuffled mini-batches
train_loader = DataLoader(train_data, batch_size=32, shuffle=True)
test_loader = DataLoader(test_data, batch_size=32)
features, labels = next(iter(train_loader))
print(f"one batch: features {features.shape}, labels {labels.shape}")
print(f"batches per epoch: train {len(train_loader)}, test {len(test_loader)}")
