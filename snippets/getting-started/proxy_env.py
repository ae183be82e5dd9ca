import os
import urllib.request

# Same effect as `export http_proxy=...` in the shell, for this process only.
# Set it before the first download; torchvision downloads through urllib.
os.environ["http_proxy"] = "http://127.0.0.1:7890"
os.environ["https_proxy"] = "http://127.0.0.1:7890"

proxies = urllib.request.getproxies()
print(f"http  -> {proxies['http']}")
print(f"https -> {proxies['https']}")
