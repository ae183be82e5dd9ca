import multiprocessing
import sys

# How DataLoader workers (num_workers > 0) are started on this machine:
# the default depends on the platform and, on Linux, on the Python version
print(f"Python {sys.version_info.major}.{sys.version_info.minor} on {sys.platform}")
print(f"default start method: {multiprocessing.get_start_method()}")
print(f"available here: {multiprocessing.get_all_start_methods()}")
