// Tests that a model compiled ahead of time (nnc model.mlir -o model.so)
// runs through nnc-run model.so, with the interpreter's results (rtol 1e-5)
// and the hand-computed ones, at two batch sizes.

// RUN: rm -rf %t && mkdir %t
// RUN: nnc %S/Inputs/logic.mlir -o %t/logic.so
// RUN: nnc %S/Inputs/linear_relu.mlir -o %t/relu.so
// RUN: nnc %S/Inputs/labels.mlir -o %t/labels.so
// RUN: %python -c "import numpy as np; \
// RUN:   np.save('%t/x.npy', np.array([[0, 0], [0, 1], [1, 0], [1, 1]], np.float32)); \
// RUN:   np.save('%t/x2.npy', np.array([[1, 1], [0, 1]], np.float32)); \
// RUN:   np.save('%t/w1.npy', np.array([[20, 20], [-20, -20]], np.float32)); \
// RUN:   np.save('%t/b1.npy', np.array([-30, 10], np.float32)); \
// RUN:   np.save('%t/w2.npy', np.array([[20, 20]], np.float32)); \
// RUN:   np.save('%t/b2.npy', np.array([-10], np.float32)); \
// RUN:   np.save('%t/rx1.npy', np.array([[2, 3]], np.float32)); \
// RUN:   np.save('%t/rx5.npy', np.array([[2, 3], [-1, 1], [0, 0], [0.5, 0.25], [-2, -3]], np.float32)); \
// RUN:   np.save('%t/rw.npy', np.array([[1, 0], [0, 1], [1, 1]], np.float32)); \
// RUN:   np.save('%t/rb.npy', np.array([0, 0, -1], np.float32)); \
// RUN:   np.save('%t/logits.npy', np.array([[0, 0, 0], [1, 2, 3]], np.float32)); \
// RUN:   np.save('%t/labels.npy', np.array([1, 2], np.int64))"

// XNOR at batch 4 and batch 2 from the same library.
// RUN: nnc-run %t/logic.so --entry=xnor --input=%t/x.npy --input=%t/w1.npy \
// RUN:   --input=%t/b1.npy --input=%t/w2.npy --input=%t/b2.npy \
// RUN:   --output=%t/h.so.npy --output=%t/y.so.npy
// RUN: nnc-run %S/Inputs/logic.mlir --entry=xnor --target=interp \
// RUN:   --input=%t/x.npy --input=%t/w1.npy --input=%t/b1.npy \
// RUN:   --input=%t/w2.npy --input=%t/b2.npy \
// RUN:   --output=%t/h.interp.npy --output=%t/y.interp.npy
// RUN: %python %S/Inputs/same_npy.py %t/h.so.npy %t/h.interp.npy
// RUN: %python %S/Inputs/same_npy.py %t/y.so.npy %t/y.interp.npy
// RUN: %python %S/Inputs/expect_npy.py %t/y.so.npy float32 \
// RUN:   "sigmoid(-10 + 20 * sigmoid([[-30, 10], [-10, -10], [-10, -10], [10, -30]]).sum(1, keepdims=True))" \
// RUN:   1e-5
// RUN: nnc-run %t/logic.so --entry=xnor --input=%t/x2.npy --input=%t/w1.npy \
// RUN:   --input=%t/b1.npy --input=%t/w2.npy --input=%t/b2.npy \
// RUN:   --output=%t/h2.npy --output=%t/y2.npy
// RUN: %python %S/Inputs/expect_npy.py %t/y2.npy float32 \
// RUN:   "sigmoid(-10 + 20 * sigmoid([[10, -30], [-10, -10]]).sum(1, keepdims=True))" \
// RUN:   1e-5 | FileCheck %s --check-prefix=XNOR2
// XNOR2: y2.npy: float32 [2, 1] ok

// The three gates at once.
// RUN: %python -c "import numpy as np; \
// RUN:   np.save('%t/w.npy', np.array([[20, 20], [20, 20], [-20, -20]], np.float32)); \
// RUN:   np.save('%t/b.npy', np.array([-30, -10, 10], np.float32))"
// RUN: nnc-run %t/logic.so --entry=gates --input=%t/x.npy --input=%t/w.npy \
// RUN:   --input=%t/b.npy --output=%t/g.so.npy
// RUN: %python %S/Inputs/expect_npy.py %t/g.so.npy float32 \
// RUN:   "sigmoid([[-30, -10, 10], [-10, 10, -10], [-10, 10, -10], [10, 30, -30]])" 1e-5

// linear + bias_add + relu at batch 1 and 5: exact.
// RUN: nnc-run %t/relu.so --input=%t/rx1.npy --input=%t/rw.npy \
// RUN:   --input=%t/rb.npy --output=%t/r1.npy
// RUN: %python %S/Inputs/expect_npy.py %t/r1.npy float32 "[[2, 3, 4]]" 0 0
// RUN: nnc-run %t/relu.so --input=%t/rx5.npy --input=%t/rw.npy \
// RUN:   --input=%t/rb.npy --output=%t/r5.npy
// RUN: %python %S/Inputs/expect_npy.py %t/r5.npy float32 \
// RUN:   "[[2, 3, 4], [0, 1, 0], [0, 0, 0], [0.5, 0.25, 0], [0, 0, 0]]" 0 0

// i64 labels.
// RUN: nnc-run %t/labels.so --entry=loss --input=%t/logits.npy \
// RUN:   --input=%t/labels.npy --output=%t/loss.so.npy
// RUN: %python %S/Inputs/expect_npy.py %t/loss.so.npy float32 \
// RUN:   "(np.log(3) + np.log(1 + np.exp(-1) + np.exp(-2))) / 2" 1e-5

// The library and the JIT print the same thing.
// RUN: nnc-run %t/relu.so --input=%t/rx5.npy --input=%t/rw.npy \
// RUN:   --input=%t/rb.npy > %t/so.txt
// RUN: nnc-run %S/Inputs/linear_relu.mlir --input=%t/rx5.npy --input=%t/rw.npy \
// RUN:   --input=%t/rb.npy > %t/jit.txt
// RUN: diff %t/so.txt %t/jit.txt
