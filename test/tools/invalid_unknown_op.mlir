// Tests that an op the nn dialect does not define is rejected by nnc and
// nnc-run at its file:line:col, with a non-zero exit and no output file.

// RUN: rm -rf %t && mkdir %t
// RUN: not nnc %s -o %t/out.so 2>&1 | FileCheck %s
// RUN: not nnc-run %s --entry=f --target=interp --output=%t/y.npy 2>&1 \
// RUN:   | FileCheck %s
// RUN: not nnc-run %s --entry=f --target=cpu --output=%t/y.npy 2>&1 \
// RUN:   | FileCheck %s
// RUN: ls %t | count 0

// CHECK: invalid_unknown_op.mlir:[[@LINE+3]]:8: error: unregistered operation 'nn.frobnicate' found in dialect ('nn')
// CHECK-NOT: Stack dump
func.func @f(%x: tensor<2xf32>) -> tensor<2xf32> {
  %y = "nn.frobnicate"(%x) : (tensor<2xf32>) -> tensor<2xf32>
  return %y : tensor<2xf32>
}
