import os
import socket

import torch
import torch.distributed as dist
from torch import nn
from torch.nn.parallel import DistributedDataParallel as DDP
from torch.utils.data import DataLoader, TensorDataset
from torch.utils.data.distributed import DistributedSampler

torch.manual_seed(0)

# torchrun sets these for every process; here we play a one-process "cluster"
with socket.socket() as s:
    s.bind(("127.0.0.1", 0))  # port 0: let the OS pick a free port
    port = s.getsockname()[1]
os.environ["MASTER_ADDR"] = "127.0.0.1"
os.environ["MASTER_PORT"] = str(port)

# gloo runs on CPU; on NVIDIA GPUs use backend="nccl"
dist.init_process_group(backend="gloo", rank=0, world_size=1)
rank, world_size = dist.get_rank(), dist.get_world_size()
print(f"rank {rank} of {world_size}, backend {dist.get_backend()}")

dataset = TensorDataset(torch.randn(8, 4), torch.randn(8, 1))
# Each process reads its own share of the data set
sampler = DistributedSampler(dataset, num_replicas=world_size, rank=rank, shuffle=False)
loader = DataLoader(dataset, batch_size=4, sampler=sampler)
print(f"rank {rank} reads samples {list(sampler)}")
for r in range(2):  # what two processes would get
    part = list(DistributedSampler(dataset, num_replicas=2, rank=r, shuffle=False))
    print(f"  with 2 processes, rank {r} would read {part}")

model = DDP(nn.Linear(4, 1))  # gradients are averaged across processes in backward()
optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
for epoch in range(2):
    sampler.set_epoch(epoch)  # reshuffles differently each epoch when shuffle=True
    for x, y in loader:
        loss = nn.functional.mse_loss(model(x), y)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
    print(f"epoch {epoch}: loss {loss.item():.4f}")

# The wrapper adds a "module." prefix; save the inner model's weights instead
print(f"wrapped keys: {list(model.state_dict())}")
print(f"inner keys:   {list(model.module.state_dict())}")

dist.destroy_process_group()
