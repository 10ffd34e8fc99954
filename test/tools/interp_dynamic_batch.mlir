// Tests that one model with a dynamic batch dimension runs in the
// interpreter at different batch sizes (1, 5 and an empty batch of 0), the
// result's batch following the input's.

// relu(x · wᵀ + b) with w = [[1, 0], [0, 1], [1, 1]], b = [0, 0, -1]:
// row (p, q) -> (relu(p), relu(q), relu(p + q - 1)).
// RUN: rm -rf %t && mkdir %t
// RUN: %python -c "import numpy as np; \
// RUN:   np.save('%t/w.npy', np.array([[1, 0], [0, 1], [1, 1]], np.float32)); \
// RUN:   np.save('%t/b.npy', np.array([0, 0, -1], np.float32)); \
// RUN:   np.save('%t/x1.npy', np.array([[2, 3]], np.float32)); \
// RUN:   np.save('%t/x5.npy', np.array([[2, 3], [-1, 1], [0, 0], [0.5, 0.25], [-2, -3]], np.float32)); \
// RUN:   np.save('%t/x0.npy', np.zeros((0, 2), np.float32))"

// RUN: nnc-run %S/Inputs/linear_relu.mlir --target=interp --input=%t/x1.npy \
// RUN:   --input=%t/w.npy --input=%t/b.npy --output=%t/y1.npy
// RUN: %python %S/Inputs/expect_npy.py %t/y1.npy float32 "[[2, 3, 4]]" 0 0 \
// RUN:   | FileCheck %s --check-prefix=BATCH1
// BATCH1: y1.npy: float32 [1, 3] ok

// RUN: nnc-run %S/Inputs/linear_relu.mlir --target=interp --input=%t/x5.npy \
// RUN:   --input=%t/w.npy --input=%t/b.npy --output=%t/y5.npy
// RUN: %python %S/Inputs/expect_npy.py %t/y5.npy float32 \
// RUN:   "[[2, 3, 4], [0, 1, 0], [0, 0, 0], [0.5, 0.25, 0], [0, 0, 0]]" 0 0 \
// RUN:   | FileCheck %s --check-prefix=BATCH5
// BATCH5: y5.npy: float32 [5, 3] ok

// RUN: nnc-run %S/Inputs/linear_relu.mlir --target=interp --input=%t/x0.npy \
// RUN:   --input=%t/w.npy --input=%t/b.npy --output=%t/y0.npy
// RUN: %python %S/Inputs/expect_npy.py %t/y0.npy float32 "np.zeros((0, 3))" \
// RUN:   | FileCheck %s --check-prefix=BATCH0
// BATCH0: y0.npy: float32 [0, 3] ok
