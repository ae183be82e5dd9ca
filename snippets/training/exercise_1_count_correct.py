import torch

# Raw scores (logits) of 6 samples over 3 classes, and their true classes
logits = torch.tensor(
    [
        [2.0, 0.5, -1.0],
        [0.1, 0.3, 0.2],
        [-1.0, 2.0, 0.0],
        [0.5, 0.4, 3.0],
        [1.0, 1.5, -0.5],
        [0.0, -2.0, 1.0],
    ]
)
y = torch.tensor([0, 2, 1, 2, 0, 2])

pred = logits.argmax(1)  # predicted class of each sample
right = pred == y
print(f"predicted: {pred.tolist()}")
print(f"true:      {y.tolist()}")
print(f"correct: {right.sum().item()} of {len(y)}, accuracy {right.float().mean().item():.1%}")
print(f"wrong samples (indices): {torch.arange(len(y))[~right].tolist()}")
