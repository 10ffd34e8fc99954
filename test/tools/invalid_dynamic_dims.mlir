// Tests that the cpu target refuses an entry with a dynamic size other than
// the leading (batch) one, at the function's file:line:col, with a non-zero
// exit and no output file; the interpreter runs it.

// RUN: rm -rf %t && mkdir %t
// RUN: not nnc %s -o %t/out.so 2>&1 | FileCheck %s
// RUN: not nnc %s --emit=header -o %t/out.h 2>&1 | FileCheck %s
// RUN: not nnc-run %s --entry=f --input=%t/x.npy --output=%t/y.npy 2>&1 \
// RUN:   | FileCheck %s
// RUN: ls %t | count 0

// RUN: %python -c "import numpy as np; \
// RUN:   np.save('%t/x.npy', np.array([[-1, 2, -3]], np.float32))"
// RUN: nnc-run %s --entry=f --target=interp --input=%t/x.npy \
// RUN:   --output=%t/y.npy
// RUN: %python %S/Inputs/expect_npy.py %t/y.npy float32 "[[0, 2, 0]]" 0 0

// CHECK: invalid_dynamic_dims.mlir:[[@LINE+1]]:1: error: argument #0 of @f has type 'tensor<?x?xf32>': only the leading (batch) size may be dynamic
func.func @f(%x: tensor<?x?xf32>) -> tensor<?x?xf32> {
  %y = nn.relu %x : tensor<?x?xf32>
  return %y : tensor<?x?xf32>
}
