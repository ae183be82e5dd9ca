import numpy as np
import torch

torch.manual_seed(0)
np.random.seed(0)

# A batch of 4 samples with 3 features each, from the standard normal N(0, 1)
bsz, feature_dim = 4, 3
features = torch.randn(bsz, feature_dim, dtype=torch.float32)
print(f"randn: shape {features.shape}, dtype {features.dtype}")

# NumPy: normal(loc, scale, size), and scale is the STANDARD DEVIATION
mean, std = 1.0, 2.0
sample = np.random.normal(mean, std, size=(2, 3))
print(f"np.random.normal(mean, std, size=(2, 3)):\n{sample}")

# Check with many samples: std comes out near 2, so the variance is near 4
n = np.random.normal(mean, std, size=1_000_000)
print(f"numpy: mean {n.mean():.3f}, std {n.std():.3f}, var {n.var():.3f}")

# torch.normal takes a standard deviation too; so does randn * std + mean
t = torch.normal(mean, std, size=(1_000_000,))
print(f"torch: mean {t.mean():.3f}, std {t.std():.3f}, var {t.var():.3f}")
