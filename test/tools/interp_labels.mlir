// Tests that nnc-run --target=interp feeds integer class labels (i64, and
// i32 too) to nn.softmax_cross_entropy.

// Row 0: logits (0, 0, 0), label 1: loss log 3.
// Row 1: logits (1, 2, 3), label 2: loss log(e + e² + e³) - 3
//        = log(1 + e⁻¹ + e⁻²).
// RUN: rm -rf %t && mkdir %t
// RUN: %python -c "import numpy as np; \
// RUN:   np.save('%t/logits.npy', np.array([[0, 0, 0], [1, 2, 3]], np.float32)); \
// RUN:   np.save('%t/labels.npy', np.array([1, 2], np.int64)); \
// RUN:   np.save('%t/labels32.npy', np.array([1, 2], np.int32))"

// RUN: nnc-run %S/Inputs/labels.mlir --entry=loss --target=interp \
// RUN:   --input=%t/logits.npy --input=%t/labels.npy --output=%t/mean.npy
// RUN: %python %S/Inputs/expect_npy.py %t/mean.npy float32 \
// RUN:   "(np.log(3) + np.log(1 + np.exp(-1) + np.exp(-2))) / 2" \
// RUN:   | FileCheck %s --check-prefix=MEAN
// MEAN: mean.npy: float32 [] ok

// RUN: nnc-run %S/Inputs/labels.mlir --entry=loss_i32 --target=interp \
// RUN:   --input=%t/logits.npy --input=%t/labels32.npy --output=%t/mean32.npy
// RUN: %python %S/Inputs/expect_npy.py %t/mean32.npy float32 \
// RUN:   "(np.log(3) + np.log(1 + np.exp(-1) + np.exp(-2))) / 2"

// RUN: nnc-run %S/Inputs/labels.mlir --entry=loss_none --target=interp \
// RUN:   --input=%t/logits.npy --input=%t/labels.npy --output=%t/rows.npy
// RUN: %python %S/Inputs/expect_npy.py %t/rows.npy float32 \
// RUN:   "[np.log(3), np.log(1 + np.exp(-1) + np.exp(-2))]" \
// RUN:   | FileCheck %s --check-prefix=ROWS
// ROWS: rows.npy: float32 [2] ok

// The printed scalar: (1.0986123 + 0.4076059) / 2 = 0.7531091.
// RUN: nnc-run %S/Inputs/labels.mlir --entry=loss --target=interp \
// RUN:   --input=%t/logits.npy --input=%t/labels.npy \
// RUN:   | FileCheck %s --check-prefix=PRINT
// PRINT:      result #0: f32 []
// PRINT-NEXT: {{^}}0.753109{{$}}
