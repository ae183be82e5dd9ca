import copy
import sys
import time

import matplotlib.pyplot as plt
import torch
from torch import nn
from torch.utils.data import DataLoader
from torchvision import datasets
from torchvision.transforms import v2

# output varies: the timings (the accuracy curves do not)
torch.manual_seed(0)
device = (
    torch.accelerator.current_accelerator()
    if torch.accelerator.is_available()
    else torch.device("cpu")
)
print(f"device: {device}" + (f" ({torch.cuda.get_device_name()})" if device.type == "cuda" else ""))
print(f"torch: {torch.__version__}, CPU threads: {torch.get_num_threads()}")

# %%
# The quickstart's data, model, loss and hyperparameters
transform = v2.Compose([v2.ToImage(), v2.ToDtype(torch.float32, scale=True)])
training_data = datasets.FashionMNIST(root="data", train=True, download=True, transform=transform)
test_data = datasets.FashionMNIST(root="data", train=False, download=True, transform=transform)


class NeuralNetwork(nn.Module):
    def __init__(self):
        super().__init__()
        self.flatten = nn.Flatten()
        self.linear_relu_stack = nn.Sequential(
            nn.Linear(28 * 28, 512),
            nn.ReLU(),
            nn.Linear(512, 512),
            nn.ReLU(),
            nn.Linear(512, 10),
        )

    def forward(self, x):
        x = self.flatten(x)
        logits = self.linear_relu_stack(x)
        return logits


model = NeuralNetwork().to(device)
initial_state = copy.deepcopy(model.state_dict())  # every step starts from these weights
loss_fn = nn.CrossEntropyLoss()
batch_size, epochs = 64, 2  # 2 epochs a step: the whole comparison takes a minute or two on a CPU
seconds = {}  # step name -> seconds for all epochs of that step


def synchronize():
    # GPU work is asynchronous: wait for it before reading the clock
    if device.type == "cuda":
        torch.cuda.synchronize()
    elif device.type == "mps":
        torch.mps.synchronize()


def report(name, elapsed, accuracies):
    seconds[name] = elapsed
    speedup = next(iter(seconds.values())) / elapsed  # the first step is the baseline
    curve = " → ".join(f"{100 * a:.1f}" for a in accuracies)
    print(
        f"{name}: {elapsed:.1f} s for {epochs} epochs, {elapsed / epochs:.2f} s/epoch, "
        f"{speedup:.2f}x step 1, test accuracy {curve} %"
    )


def train_loader(loader, model, optimizer, non_blocking=False):
    model.train()
    for X, y in loader:
        X, y = X.to(device, non_blocking=non_blocking), y.to(device, non_blocking=non_blocking)
        loss = loss_fn(model(X), y)
        loss.backward()
        optimizer.step()
        optimizer.zero_grad()


def accuracy_loader(loader, model, non_blocking=False):
    model.eval()
    correct = 0
    with torch.no_grad():
        for X, y in loader:
            X, y = X.to(device, non_blocking=non_blocking), y.to(device, non_blocking=non_blocking)
            correct += (model(X).argmax(1) == y).sum().item()
    return correct / len(loader.dataset)


# %%
# Step 1, the baseline: DataLoader + the per-image transform, exactly as in the quickstart
train_dataloader = DataLoader(training_data, batch_size=batch_size)
test_dataloader = DataLoader(test_data, batch_size=batch_size)
model.load_state_dict(initial_state)
optimizer = torch.optim.SGD(model.parameters(), lr=1e-3)

synchronize()
start = time.perf_counter()
accuracies = []
for t in range(epochs):
    train_loader(train_dataloader, model, optimizer)
    accuracies.append(accuracy_loader(test_dataloader, model))
synchronize()
report("1 canonical DataLoader", time.perf_counter() - start, accuracies)

# %%
# Step 2: two worker processes prepare batches, pinned memory for asynchronous copies
if sys.platform != "linux":
    # Windows and macOS spawn workers, and a spawned worker re-runs this whole script
    # unless it sits under `if __name__ == "__main__":`
    print(f"2 workers + pin_memory: skipped, workers are not forked on {sys.platform}")
else:
    # fork: each worker starts as a copy of this process, data set included
    loader_args = dict(
        batch_size=batch_size,
        num_workers=2,
        pin_memory=(device.type == "cuda"),
        persistent_workers=True,
        multiprocessing_context="fork",
    )
    train_dataloader = DataLoader(training_data, **loader_args)
    test_dataloader = DataLoader(test_data, **loader_args)
    model.load_state_dict(initial_state)
    optimizer = torch.optim.SGD(model.parameters(), lr=1e-3)

    synchronize()
    start = time.perf_counter()
    accuracies = []
    for t in range(epochs):
        train_loader(train_dataloader, model, optimizer, non_blocking=True)
        accuracies.append(accuracy_loader(test_dataloader, model, non_blocking=True))
    synchronize()
    report("2 workers + pin_memory", time.perf_counter() - start, accuracies)
    del train_dataloader, test_dataloader  # stops the persistent workers

# %%
# Step 3: the whole data set resident on the device, batches are slices
# uint8 [N, 28, 28] -> float [N, 1, 28, 28] in [0, 1]: the transform's ToDtype, applied once
# to the whole data set (on the device, so a quarter of the bytes are copied)
X_train = v2.functional.to_dtype(
    training_data.data.to(device).unsqueeze(1), torch.float32, scale=True
)
y_train = training_data.targets.to(device)
X_test = v2.functional.to_dtype(test_data.data.to(device).unsqueeze(1), torch.float32, scale=True)
y_test = test_data.targets.to(device)
print(
    f"resident: X_train {tuple(X_train.shape)} {X_train.dtype}, "
    f"{X_train.numel() * X_train.element_size() / 1e6:.0f} MB on {X_train.device}"
)
print(f"same values as the transform: {torch.equal(X_train[0].cpu(), training_data[0][0])}")


def train_resident(model, optimizer, batch_size):
    model.train()
    for i in range(0, len(X_train), batch_size):
        loss = loss_fn(model(X_train[i : i + batch_size]), y_train[i : i + batch_size])
        loss.backward()
        optimizer.step()
        optimizer.zero_grad()


def accuracy_resident(model, batch_size=2000):
    # No gradients are kept, so evaluation can use large batches
    model.eval()
    correct = torch.zeros((), dtype=torch.long, device=device)
    with torch.no_grad():
        for i in range(0, len(X_test), batch_size):
            correct += (
                model(X_test[i : i + batch_size]).argmax(1) == y_test[i : i + batch_size]
            ).sum()
    return correct.item() / len(X_test)  # one synchronization per evaluation


model.load_state_dict(initial_state)
optimizer = torch.optim.SGD(model.parameters(), lr=1e-3)

synchronize()
start = time.perf_counter()
accuracies = []
for t in range(epochs):
    train_resident(model, optimizer, batch_size)
    accuracies.append(accuracy_resident(model))
synchronize()
report("3 resident data", time.perf_counter() - start, accuracies)

# %%
# Step 4: batch 512 on resident data, learning rate scaled by 512 / 64 = 8
model.load_state_dict(initial_state)
optimizer = torch.optim.SGD(model.parameters(), lr=8e-3)

synchronize()
start = time.perf_counter()
accuracies = []
for t in range(epochs):
    train_resident(model, optimizer, 512)
    accuracies.append(accuracy_resident(model))
synchronize()
report("4 resident, batch 512", time.perf_counter() - start, accuracies)
print(f"updates per epoch: {-(-len(X_train) // 512)} instead of {-(-len(X_train) // batch_size)}")


# %%
# Step 5: bfloat16 autocast (mixed precision) on resident data, batch 64
def cpu_has_bf16():
    # x86 CPUs compute bf16 natively only with AVX512-BF16 or AMX; without them bf16 is
    # emulated and many times slower than float32 (Linux lists the flags in /proc/cpuinfo)
    try:
        with open("/proc/cpuinfo") as f:
            flags = f.read()
    except OSError:
        return False
    return "avx512_bf16" in flags or "amx_bf16" in flags


if device.type == "mps" or (device.type == "cuda" and not torch.cuda.is_bf16_supported()):
    print(f"5 bf16 autocast: skipped, no bfloat16 autocast on this {device.type} device")
elif device.type == "cpu" and not cpu_has_bf16():
    print(
        "5 bf16 autocast: skipped, this CPU has no bfloat16 instructions "
        "(AVX512-BF16 or AMX), so bf16 would be emulated and far slower"
    )
else:
    model.load_state_dict(initial_state)
    optimizer = torch.optim.SGD(model.parameters(), lr=1e-3)
    with torch.no_grad(), torch.autocast(device_type=device.type, dtype=torch.bfloat16):
        logits = model(X_train[:batch_size])  # no_grad: only the dtypes are looked at here
        loss = loss_fn(logits, y_train[:batch_size])
    print(
        f"under autocast: logits {logits.dtype}, loss {loss.dtype}, "
        f"weights {model.linear_relu_stack[0].weight.dtype}"
    )

    def train_bf16(model, optimizer, batch_size):
        model.train()
        for i in range(0, len(X_train), batch_size):
            # Matrix products run in bfloat16, the loss in float32; the weights stay float32
            with torch.autocast(device_type=device.type, dtype=torch.bfloat16):
                loss = loss_fn(model(X_train[i : i + batch_size]), y_train[i : i + batch_size])
            # bfloat16 has float32's exponent range, so no GradScaler is needed (float16 needs one)
            loss.backward()
            optimizer.step()
            optimizer.zero_grad()

    synchronize()
    start = time.perf_counter()
    accuracies = []
    for t in range(epochs):
        train_bf16(model, optimizer, batch_size)
        accuracies.append(accuracy_resident(model))
    synchronize()
    report("5 bf16 autocast", time.perf_counter() - start, accuracies)

# %%
# Step 6: CUDA graphs, the whole training step captured once and replayed per batch
if device.type != "cuda":
    print(f"6 CUDA graph: skipped, needs an NVIDIA GPU (this run is on {device.type})")
else:
    model.load_state_dict(initial_state)
    optimizer = torch.optim.SGD(model.parameters(), lr=1e-3)  # no momentum: no optimizer state
    model.train()
    # A graph reads and writes fixed addresses: inputs are copied into these tensors
    static_x = X_train[:batch_size].clone()
    static_y = y_train[:batch_size].clone()

    synchronize()
    start = time.perf_counter()
    saved = copy.deepcopy(model.state_dict())  # warm-up steps change the weights
    # Warm up on a side stream before capture, as PyTorch's recipe does. No graph from an
    # earlier step is alive (their losses stayed inside functions): its autograd nodes
    # would make the captured backward wait on the default stream, which CUDA refuses.
    s = torch.cuda.Stream()
    s.wait_stream(torch.cuda.current_stream())
    with torch.cuda.stream(s):
        for _ in range(3):
            optimizer.zero_grad(set_to_none=True)
            loss = loss_fn(model(static_x), static_y)
            loss.backward()
            optimizer.step()
    torch.cuda.current_stream().wait_stream(s)

    # Capture: grads set to None first, so backward() allocates them in the graph's memory pool
    graph = torch.cuda.CUDAGraph()
    optimizer.zero_grad(set_to_none=True)
    with torch.cuda.graph(graph):
        static_loss = loss_fn(model(static_x), static_y)
        static_loss.backward()
        optimizer.step()
    model.load_state_dict(saved)  # copies in place, into the tensors the graph uses

    accuracies = []
    full = len(X_train) // batch_size * batch_size  # 937 full batches; 32 samples are left
    for t in range(epochs):
        model.train()
        for i in range(0, full, batch_size):
            static_x.copy_(X_train[i : i + batch_size])
            static_y.copy_(y_train[i : i + batch_size])
            graph.replay()
        # The last batch has another shape; a graph has static shapes, so run it eagerly.
        # Zero the grads in place: the graph reads and writes these very tensors.
        optimizer.zero_grad(set_to_none=False)
        loss = loss_fn(model(X_train[full:]), y_train[full:])
        loss.backward()
        optimizer.step()
        accuracies.append(accuracy_resident(model))
    synchronize()
    report("6 CUDA graph", time.perf_counter() - start, accuracies)
    print(
        f"per epoch: {full // batch_size} graph replays + 1 eager batch of {len(X_train) - full}; "
        "each replay is one launch of a small graph."
    )
    print(
        "A larger batch means fewer replays and less time, but also fewer updates "
        "and a different accuracy curve (step 4)."
    )

# %%
# Summary: seconds per epoch of every step that ran
base = next(iter(seconds.values()))
print(f"{'step':<26}{'s/epoch':>9}{'speedup':>9}")
for name, elapsed in seconds.items():
    print(f"{name:<26}{elapsed / epochs:>9.2f}{base / elapsed:>8.2f}x")

plt.figure(figsize=(6, 3), layout="constrained")
names = list(seconds)[::-1]  # step 1 on top
plt.barh(names, [seconds[n] / epochs for n in names])
plt.xlabel("seconds per epoch (train + test)")
plt.title(f"{epochs} epochs of the quickstart MLP on {device.type}")
plt.show()
