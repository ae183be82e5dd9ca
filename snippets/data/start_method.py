import multiprocessing
import sys

# How DataLoader workers (num_workers > 0) are started on this machine
print(f"platform: {sys.platform}, start method: {multiprocessing.get_start_method()}")
