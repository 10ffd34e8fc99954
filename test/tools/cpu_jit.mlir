// Tests that nnc-run --target=cpu (the default) JIT-compiles a .mlir model
// and computes what the interpreter computes (rtol 1e-5) and what was
// worked out by hand.

// RUN: rm -rf %t && mkdir %t
// RUN: %python -c "import numpy as np; \
// RUN:   np.save('%t/x.npy', np.array([[0, 0], [0, 1], [1, 0], [1, 1]], np.float32)); \
// RUN:   np.save('%t/w1.npy', np.array([[20, 20], [-20, -20]], np.float32)); \
// RUN:   np.save('%t/b1.npy', np.array([-30, 10], np.float32)); \
// RUN:   np.save('%t/w2.npy', np.array([[20, 20]], np.float32)); \
// RUN:   np.save('%t/b2.npy', np.array([-10], np.float32)); \
// RUN:   np.save('%t/rx.npy', np.array([[1, 2], [3, -4], [-1, -1]], np.float32)); \
// RUN:   np.save('%t/rw.npy', np.array([[1, 0], [0, 1], [1, 1]], np.float32)); \
// RUN:   np.save('%t/rb.npy', np.array([0.5, 0, -1], np.float32)); \
// RUN:   np.save('%t/logits.npy', np.array([[0, 0, 0], [1, 2, 3]], np.float32)); \
// RUN:   np.save('%t/labels.npy', np.array([1, 2], np.int64)); \
// RUN:   np.save('%t/labels32.npy', np.array([1, 2], np.int32))"

// XNOR, two results.
// RUN: nnc-run %S/Inputs/logic.mlir --entry=xnor --input=%t/x.npy \
// RUN:   --input=%t/w1.npy --input=%t/b1.npy --input=%t/w2.npy \
// RUN:   --input=%t/b2.npy --output=%t/h.cpu.npy --output=%t/y.cpu.npy
// RUN: nnc-run %S/Inputs/logic.mlir --entry=xnor --target=interp \
// RUN:   --input=%t/x.npy --input=%t/w1.npy --input=%t/b1.npy \
// RUN:   --input=%t/w2.npy --input=%t/b2.npy \
// RUN:   --output=%t/h.interp.npy --output=%t/y.interp.npy
// RUN: %python %S/Inputs/same_npy.py %t/h.cpu.npy %t/h.interp.npy \
// RUN:   | FileCheck %s --check-prefix=SAME-H
// RUN: %python %S/Inputs/same_npy.py %t/y.cpu.npy %t/y.interp.npy \
// RUN:   | FileCheck %s --check-prefix=SAME-Y
// RUN: %python %S/Inputs/expect_npy.py %t/y.cpu.npy float32 \
// RUN:   "sigmoid(-10 + 20 * sigmoid([[-30, 10], [-10, -10], [-10, -10], [10, -30]]).sum(1, keepdims=True))" \
// RUN:   1e-5
// SAME-H: h.cpu.npy == h.interp.npy
// SAME-Y: y.cpu.npy == y.interp.npy

// linear + bias_add + relu: exact.
// RUN: nnc-run %S/Inputs/linear_relu.mlir --input=%t/rx.npy --input=%t/rw.npy \
// RUN:   --input=%t/rb.npy --output=%t/relu.cpu.npy
// RUN: %python %S/Inputs/expect_npy.py %t/relu.cpu.npy float32 \
// RUN:   "[[1.5, 2, 2], [3.5, 0, 0], [0, 0, 0]]" 0 0

// Integer labels, i64 and i32, into softmax_cross_entropy.
// RUN: nnc-run %S/Inputs/labels.mlir --entry=loss --input=%t/logits.npy \
// RUN:   --input=%t/labels.npy --output=%t/loss.cpu.npy
// RUN: nnc-run %S/Inputs/labels.mlir --entry=loss --target=interp \
// RUN:   --input=%t/logits.npy --input=%t/labels.npy --output=%t/loss.interp.npy
// RUN: %python %S/Inputs/same_npy.py %t/loss.cpu.npy %t/loss.interp.npy
// RUN: %python %S/Inputs/expect_npy.py %t/loss.cpu.npy float32 \
// RUN:   "(np.log(3) + np.log(1 + np.exp(-1) + np.exp(-2))) / 2" 1e-5
// RUN: nnc-run %S/Inputs/labels.mlir --entry=loss_i32 --input=%t/logits.npy \
// RUN:   --input=%t/labels32.npy --output=%t/loss32.cpu.npy
// RUN: %python %S/Inputs/expect_npy.py %t/loss32.cpu.npy float32 \
// RUN:   "(np.log(3) + np.log(1 + np.exp(-1) + np.exp(-2))) / 2" 1e-5
// RUN: nnc-run %S/Inputs/labels.mlir --entry=loss_none --input=%t/logits.npy \
// RUN:   --input=%t/labels.npy --output=%t/rows.cpu.npy
// RUN: %python %S/Inputs/expect_npy.py %t/rows.cpu.npy float32 \
// RUN:   "[np.log(3), np.log(1 + np.exp(-1) + np.exp(-2))]" 1e-5

// Printed results look the same as the interpreter's.
// RUN: nnc-run %S/Inputs/linear_relu.mlir --target=cpu --input=%t/rx.npy \
// RUN:   --input=%t/rw.npy --input=%t/rb.npy | FileCheck %s --check-prefix=PRINT
// PRINT:      result #0: f32 [3, 3]
// PRINT-NEXT: {{^\[\[}}1.5, 2, 2],
// PRINT-NEXT: {{^}} [3.5, 0, 0],
// PRINT-NEXT: {{^}} [0, 0, 0]]{{$}}
