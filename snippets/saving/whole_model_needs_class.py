import os
import subprocess
import sys
import tempfile

import torch
from torch import nn

torch.manual_seed(0)

# A separate training script that defines its model class in __main__
TRAIN_PY = """
import torch
from torch import nn

class MyModel(nn.Module):
    def __init__(self):
        super().__init__()
        self.linear = nn.Linear(4, 2)

torch.save(MyModel(), "mymodel.pth")
"""

with tempfile.TemporaryDirectory() as tmp:
    with open(os.path.join(tmp, "train.py"), "w") as f:
        f.write(TRAIN_PY)
    subprocess.run([sys.executable, "train.py"], cwd=tmp, check=True)
    path = os.path.join(tmp, "mymodel.pth")

    # This script has no MyModel, so unpickling cannot rebuild the object
    try:
        torch.load(path, weights_only=False)  # trusted: we just wrote it
    except AttributeError as e:
        # hide the folder this script sits in on this machine
        here = os.path.dirname(os.path.abspath(__file__)) + os.sep
        print(f"AttributeError: {str(e).replace(here, '')}")

    # Make the class available under the same name, then it loads
    class MyModel(nn.Module):
        def __init__(self):
            super().__init__()
            self.linear = nn.Linear(4, 2)

    model = torch.load(path, weights_only=False)
    print(f"loaded: {model}")
