import importlib.metadata


def installed_bytes(dist):
    total = 0
    for file in dist.files or []:
        try:
            total += file.locate().stat().st_size
        except OSError:
            pass
    return total


# torch itself plus the CUDA libraries pip pulled in as nvidia-* packages
sizes = {}
for dist in importlib.metadata.distributions():
    name = (dist.metadata["Name"] or "").lower()
    if name in ("torch", "torchvision", "triton") or name.startswith("nvidia-"):
        sizes[name] = installed_bytes(dist)

gib = 2**30
for name in ("torch", "torchvision", "triton"):
    if name in sizes:
        print(f"{name:12} {sizes[name] / gib:5.2f} GiB")
nvidia = [n for n in sizes if n.startswith("nvidia-")]
nvidia_gib = sum(sizes[n] for n in nvidia) / gib
print(f"{'nvidia-*':12} {nvidia_gib:5.2f} GiB in {len(nvidia)} packages")
print(f"{'total':12} {sum(sizes.values()) / gib:5.2f} GiB")
