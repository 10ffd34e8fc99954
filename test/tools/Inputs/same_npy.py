"""Checks that two .npy files hold the same array up to a relative tolerance.

    same_npy.py A B [RTOL]

Same dtype and shape, values allclose with RTOL (default 1e-5; absolute
tolerance 1e-30 so that saturated sigmoids near 0 still compare). Prints
"A == B" or the difference and exits 1.
"""

import os
import sys

import numpy as np


def main(path_a, path_b, rtol="1e-5"):
    a, b = np.load(path_a), np.load(path_b)
    names = f"{os.path.basename(path_a)} == {os.path.basename(path_b)}"
    if a.dtype != b.dtype or a.shape != b.shape:
        sys.exit(f"{names}: {a.dtype} {a.shape} vs {b.dtype} {b.shape}")
    if not np.allclose(a, b, rtol=float(rtol), atol=1e-30):
        sys.exit(f"{names}: values differ\n{a}\n{b}")
    print(names)


if __name__ == "__main__":
    main(*sys.argv[1:])
