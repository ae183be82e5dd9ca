import torch

x = torch.tensor([1, 2, 3])  # shape (3,)

# unsqueeze returns a new tensor with an extra size-1 dimension;
# x is unchanged
print(f"x.unsqueeze(0).shape  = {x.unsqueeze(0).shape}")  # a row: (1, 3)
print(f"x.unsqueeze(1).shape  = {x.unsqueeze(1).shape}")  # a column: (3, 1)
print(f"x.unsqueeze(-1).shape = {x.unsqueeze(-1).shape}")  # -1: at the end
print(f"x.shape is still        {x.shape}")

# unsqueeze_ changes x itself
x.unsqueeze_(0)
print(f"after x.unsqueeze_(0):  {x.shape}")

# squeeze removes size-1 dimensions, e.g. a (1, 28, 28) image for plt.imshow
img = torch.zeros(1, 28, 28)
print(f"img.squeeze().shape   = {img.squeeze().shape}")

# A typical use: turn one sample into a batch of one
sample = torch.zeros(3, 32, 32)  # channels, height, width
print(f"batch of one: {sample.unsqueeze(0).shape}")
