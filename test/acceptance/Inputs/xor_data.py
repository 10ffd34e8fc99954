"""Writes the XOR task as nnc train's .npy pairs: the four points, each
repeated `copies` times for training, once for testing; class-index labels
(nnc train passes them to a one-output model as 0/1 targets)."""
import sys

import numpy as np

out, copies = sys.argv[1], int(sys.argv[2])
x = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], np.float32)
y = np.array([0, 1, 1, 0], np.int64)
np.save(f"{out}/train-images.npy", np.tile(x, (copies, 1)))
np.save(f"{out}/train-labels.npy", np.tile(y, copies))
np.save(f"{out}/t10k-images.npy", x)
np.save(f"{out}/t10k-labels.npy", y)
