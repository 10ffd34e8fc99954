// Tests that nnc-run --target=interp writes each result to its --output
// file, in order, as a .npy that NumPy reads back with the expected dtype,
// shape and values; nothing is printed then.

// The XNOR net on the four points of the truth table: hidden layer (AND,
// NOR) with pre-activations (-30 + 20 x1 + 20 x2, 10 - 20 x1 - 20 x2), and
// output OR(h) = sigmoid(-10 + 20 h1 + 20 h2).
// RUN: rm -rf %t && mkdir %t
// RUN: %python -c "import numpy as np; \
// RUN:   np.save('%t/x.npy', np.array([[0, 0], [0, 1], [1, 0], [1, 1]], np.float32)); \
// RUN:   np.save('%t/w1.npy', np.array([[20, 20], [-20, -20]], np.float32)); \
// RUN:   np.save('%t/b1.npy', np.array([-30, 10], np.float32)); \
// RUN:   np.save('%t/w2.npy', np.array([[20, 20]], np.float32)); \
// RUN:   np.save('%t/b2.npy', np.array([-10], np.float32))"
// RUN: nnc-run %S/Inputs/logic.mlir --entry=xnor --target=interp \
// RUN:   --input=%t/x.npy --input=%t/w1.npy --input=%t/b1.npy \
// RUN:   --input=%t/w2.npy --input=%t/b2.npy \
// RUN:   --output=%t/h.npy --output=%t/y.npy > %t/stdout.txt
// RUN: count 0 < %t/stdout.txt
// RUN: %python %S/Inputs/expect_npy.py %t/h.npy float32 \
// RUN:   "sigmoid([[-30, 10], [-10, -10], [-10, -10], [10, -30]])" \
// RUN:   | FileCheck %s --check-prefix=HIDDEN
// RUN: %python %S/Inputs/expect_npy.py %t/y.npy float32 \
// RUN:   "sigmoid(-10 + 20 * sigmoid([[-30, 10], [-10, -10], [-10, -10], [10, -30]]).sum(1, keepdims=True))" \
// RUN:   | FileCheck %s --check-prefix=XNOR
// The truth table itself: XNOR is 1 exactly where x1 == x2.
// RUN: %python %S/Inputs/expect_npy.py %t/y.npy float32 \
// RUN:   "[[1], [0], [0], [1]]" 0 1e-4

// HIDDEN: h.npy: float32 [4, 2] ok
// XNOR: y.npy: float32 [4, 1] ok

// The three gates of one layer: AND, OR and NOR side by side.
// RUN: %python -c "import numpy as np; \
// RUN:   np.save('%t/w.npy', np.array([[20, 20], [20, 20], [-20, -20]], np.float32)); \
// RUN:   np.save('%t/b.npy', np.array([-30, -10, 10], np.float32))"
// RUN: nnc-run %S/Inputs/logic.mlir --entry=gates --target=interp \
// RUN:   --input=%t/x.npy --input=%t/w.npy --input=%t/b.npy --output=%t/g.npy
// RUN: %python %S/Inputs/expect_npy.py %t/g.npy float32 \
// RUN:   "sigmoid([[-30, -10, 10], [-10, 10, -10], [-10, 10, -10], [10, 30, -30]])"
// RUN: %python %S/Inputs/expect_npy.py %t/g.npy float32 \
// RUN:   "[[0, 0, 1], [0, 1, 0], [0, 1, 0], [1, 1, 0]]" 0 1e-4

// Integer-valued weights give results that are exact in f32.
// RUN: %python -c "import numpy as np; \
// RUN:   np.save('%t/rx.npy', np.array([[1, 2], [3, -4], [-1, -1]], np.float32)); \
// RUN:   np.save('%t/rw.npy', np.array([[1, 0], [0, 1], [1, 1]], np.float32)); \
// RUN:   np.save('%t/rb.npy', np.array([0.5, 0, -1], np.float32))"
// RUN: nnc-run %S/Inputs/linear_relu.mlir --target=interp --input=%t/rx.npy \
// RUN:   --input=%t/rw.npy --input=%t/rb.npy --output=%t/relu.npy
// RUN: %python %S/Inputs/expect_npy.py %t/relu.npy float32 \
// RUN:   "[[1.5, 2, 2], [3.5, 0, 0], [0, 0, 0]]" 0 0
