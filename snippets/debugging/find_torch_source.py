import inspect
import os

import torch
from torch import nn

# Where does nn.Linear's forward live? That is where a breakpoint goes.
path = inspect.getsourcefile(nn.Linear.forward)
lines, first_line = inspect.getsourcelines(nn.Linear.forward)
package_root = os.path.dirname(os.path.dirname(torch.__file__))
print(f"file: {os.path.relpath(path, package_root)}, line {first_line}")
print("".join(lines))

# Below the Python layer the work is done in compiled C++: no source to step into
print(f"F.linear is compiled C++: {inspect.isbuiltin(torch.nn.functional.linear)}")
