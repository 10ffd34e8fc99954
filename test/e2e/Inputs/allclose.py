"""Checks that a compiled model's output matches the interpreter's.

    allclose.py ACTUAL.npy EXPECTED.npy [RTOL [ATOL]]

Same dtype and shape, and numpy.allclose(ACTUAL, EXPECTED, RTOL, ATOL)
(defaults 1e-4 and 1e-5: the compiled f32 sums round in another order than
the interpreter's doubles). Prints "NAME: allclose (max abs diff D)" or the
difference, and exits 1 on a mismatch.
"""

import os
import sys

import numpy as np


def main(actual_path, expected_path, rtol="1e-4", atol="1e-5"):
    actual, expected = np.load(actual_path), np.load(expected_path)
    name = os.path.basename(actual_path)
    if actual.dtype != expected.dtype or actual.shape != expected.shape:
        sys.exit(f"{name}: {actual.dtype} {actual.shape} vs "
                 f"{expected.dtype} {expected.shape}")
    diff = np.abs(actual.astype(np.float64) - expected.astype(np.float64))
    if not np.allclose(actual, expected, rtol=float(rtol), atol=float(atol)):
        sys.exit(f"{name}: not allclose (max abs diff {diff.max():.3g})\n"
                 f"{actual}\n{expected}")
    print(f"{name}: allclose (max abs diff {diff.max():.3g})")


if __name__ == "__main__":
    main(*sys.argv[1:])
