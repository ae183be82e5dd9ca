import platform
import sys

# The note wrote `import platfrorm`; the module is `platform`
print(f"uname()[4]:  {platform.uname()[4]}")  # same field as platform.machine()
print(f"machine():   {platform.machine()}")
print(f"system():    {platform.system()}")
print(f"python:      {platform.python_version()}")
print(f"64-bit:      {sys.maxsize > 2**32}")
