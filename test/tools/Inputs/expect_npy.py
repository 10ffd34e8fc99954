"""Checks a .npy file against values computed by hand.

    expect_npy.py FILE DTYPE EXPECTED [RTOL [ATOL]]

EXPECTED is a Python expression over `np` and `sigmoid`, e.g.
"[[1, 2], [3, 0]]" or "sigmoid([[-30, 10]])". The file must hold an array of
dtype DTYPE with EXPECTED's shape and values: within RTOL (default 1e-6) and
ATOL (default 0), or exactly equal when both are 0 (always for integer and
bool arrays). Prints "NAME: DTYPE SHAPE ok", or the difference and exits 1.
"""

import os
import sys

import numpy as np


def sigmoid(x):
    return 1.0 / (1.0 + np.exp(-np.asarray(x, np.float64)))


def main(path, dtype, expression, rtol="1e-6", atol="0"):
    actual = np.load(path)
    expected = np.asarray(eval(expression, {"np": np, "sigmoid": sigmoid}))
    name = os.path.basename(path)
    if actual.dtype != np.dtype(dtype):
        sys.exit(f"{name}: dtype {actual.dtype}, expected {dtype}")
    if actual.shape != expected.shape:
        sys.exit(f"{name}: shape {actual.shape}, expected {expected.shape}")
    rtol, atol = float(rtol), float(atol)
    if actual.dtype.kind in "biu" or rtol == atol == 0.0:
        ok = np.array_equal(actual, expected)
    else:
        ok = np.allclose(actual, expected, rtol=rtol, atol=atol)
    if not ok:
        sys.exit(f"{name}: got\n{actual}\nexpected\n{expected}")
    print(f"{name}: {actual.dtype} {list(actual.shape)} ok")


if __name__ == "__main__":
    main(*sys.argv[1:])
