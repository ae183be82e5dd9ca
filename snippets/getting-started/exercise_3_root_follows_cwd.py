import os
import tempfile
from pathlib import Path

root = "data"  # as in datasets.FashionMNIST(root="data", ...)
here = Path(root).resolve()
next_to_script = Path(__file__).resolve().parent / root
start = os.getcwd()

with tempfile.TemporaryDirectory() as elsewhere:
    os.chdir(elsewhere)  # as if the script were started from another folder
    print(f"'data' is the same folder after chdir: {Path(root).resolve() == here}")
    moved = Path(__file__).resolve().parent / root
    print(f"path built from __file__ unchanged:    {moved == next_to_script}")
    os.chdir(start)
