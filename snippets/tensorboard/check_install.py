import tensorboard
from torch.utils.tensorboard import SummaryWriter

# No TensorFlow needed: the tensorboard package alone is enough to write and view logs.
print(f"tensorboard version: {tensorboard.__version__}")
print(f"SummaryWriter lives in: {SummaryWriter.__module__}")
