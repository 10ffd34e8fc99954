// Tests that an op of a dialect nnc does not know is rejected by nnc and
// nnc-run at its file:line:col, with a non-zero exit and no output file.

// RUN: rm -rf %t && mkdir %t
// RUN: not nnc %s -o %t/out.so 2>&1 | FileCheck %s
// RUN: not nnc-run %s --entry=f --target=interp --output=%t/y.npy 2>&1 \
// RUN:   | FileCheck %s
// RUN: not nnc-run %s --entry=f --target=cpu --output=%t/y.npy 2>&1 \
// RUN:   | FileCheck %s
// RUN: ls %t | count 0

// CHECK: invalid_unknown_dialect.mlir:[[@LINE+3]]:{{[0-9]+}}: error: operation being parsed with an unregistered dialect
// CHECK-NOT: Stack dump
func.func @f(%x: tensor<2xf32>) -> tensor<2xf32> {
  %y = "torch.relu"(%x) : (tensor<2xf32>) -> tensor<2xf32>
  return %y : tensor<2xf32>
}
