"""Prepare ``data/FashionMNIST/raw/`` offline from Debian's ``dataset-fashion-mnist``.

``python -m tools.prepare_data`` decompresses the package's four ``.gz`` files into the
folder that ``datasets.FashionMNIST(root="data", download=True)`` checks first, so the
snippets keep the ordinary download code and download nothing. Debian recompressed the
files (their MD5s differ from torchvision's list), which is why we decompress rather than
copy. Without the package it says so and exits 0: the snippets then download as usual.
"""

from __future__ import annotations

import gzip
import shutil
import sys
from pathlib import Path

SOURCE = Path("/usr/share/datasets/fashion-mnist")
FILES = (
    "train-images-idx3-ubyte",
    "train-labels-idx1-ubyte",
    "t10k-images-idx3-ubyte",
    "t10k-labels-idx1-ubyte",
)
# Sizes of the decompressed IDX files (header + payload), to check a complete copy.
SIZES = {
    "train-images-idx3-ubyte": 16 + 60000 * 784,
    "train-labels-idx1-ubyte": 8 + 60000,
    "t10k-images-idx3-ubyte": 16 + 10000 * 784,
    "t10k-labels-idx1-ubyte": 8 + 10000,
}


def prepare(root: Path, source: Path = SOURCE) -> Path | None:
    """Fill ``root/FashionMNIST/raw``; return it, or None when ``source`` is missing."""
    raw = root / "FashionMNIST" / "raw"
    if not all((source / f"{name}.gz").is_file() for name in FILES):
        return None
    raw.mkdir(parents=True, exist_ok=True)
    for name in FILES:
        target = raw / name
        if target.is_file() and target.stat().st_size == SIZES[name]:
            continue
        partial = target.with_suffix(".part")
        with gzip.open(source / f"{name}.gz") as src, open(partial, "wb") as dst:
            shutil.copyfileobj(src, dst)
        if partial.stat().st_size != SIZES[name]:
            raise RuntimeError(f"{source / name}.gz: unexpected size after decompression")
        partial.replace(target)
    return raw


if __name__ == "__main__":
    out = prepare(Path(sys.argv[1] if len(sys.argv) > 1 else "data"))
    if out is None:
        print(
            f"{SOURCE} not found (apt-get install dataset-fashion-mnist); "
            "snippets will download Fashion-MNIST themselves"
        )
    else:
        print(f"Fashion-MNIST ready in {out}")
