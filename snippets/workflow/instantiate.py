import torch
from torch import nn
from torch.utils.data import DataLoader, TensorDataset, random_split

torch.manual_seed(0)
device = (
    torch.accelerator.current_accelerator()
    if torch.accelerator.is_available()
    else torch.device("cpu")
)


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.layers = nn.Sequential(nn.Linear(2, 16), nn.ReLU(), nn.Linear(16, 3))

    def forward(self, x):
        return self.layers(x)


# Hyper-parameters (step 3)
batch_size, epochs, learning_rate = 32, 5, 0.1

# Step 7: create the objects, passing the training data into the Dataset
centers = torch.tensor([[-2.0, 0.0], [2.0, 0.0], [0.0, 2.5]])
y = torch.arange(3).repeat_interleave(200)
X = centers[y] + torch.randn(600, 2)
train_data, test_data = random_split(TensorDataset(X, y), [0.8, 0.2])
train_loader = DataLoader(train_data, batch_size=batch_size, shuffle=True)
test_loader = DataLoader(test_data, batch_size=batch_size)

model = Net().to(device)  # move the model before training
loss_fn = nn.CrossEntropyLoss()
optimizer = torch.optim.SGD(model.parameters(), lr=learning_rate)

print(f"device: {device}, model on: {next(model.parameters()).device}")
print(f"new modules start in training mode: {model.training}")
print(f"batches: {len(train_loader)} train, {len(test_loader)} test")
# The optimizer holds the very same Parameter objects as the model
held = optimizer.param_groups[0]["params"]
same = all(p is q for p, q in zip(held, model.parameters()))
print(f"optimizer updates the model's own parameters: {same}")
print(f"optimizer lr: {optimizer.param_groups[0]['lr']}")
