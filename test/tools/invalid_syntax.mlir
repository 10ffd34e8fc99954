// Tests that a model with a syntax error is rejected by nnc and by nnc-run
// (both targets): `file:line:col: error:` on stderr, a non-zero exit, and no
// output file or temporary left behind.

// RUN: rm -rf %t && mkdir %t
// RUN: not nnc %s -o %t/out.so 2>&1 | FileCheck %s
// RUN: not nnc %s --emit=header -o %t/out.h 2>&1 | FileCheck %s
// RUN: not nnc-run %s --entry=f --target=interp --output=%t/y.npy 2>&1 \
// RUN:   | FileCheck %s
// RUN: not nnc-run %s --entry=f --target=cpu --output=%t/y.npy 2>&1 \
// RUN:   | FileCheck %s
// RUN: not test -e %t/out.so
// RUN: ls %t | count 0

// CHECK: invalid_syntax.mlir:[[@LINE+3]]:33: error: expected '>' in tensor type
// CHECK-NOT: Stack dump
func.func @f(%x: tensor<2xf32>) -> tensor<2xf32> {
  %y = nn.relu %x : tensor<2xf32
  return %y : tensor<2xf32>
}
