// Tests that a model whose op fails verification (nn.linear on a rank-1
// input, in the generic form the parser cannot reject early) is rejected by
// nnc and nnc-run with the verifier's message at the op's file:line:col, a
// non-zero exit and no output file.

// RUN: rm -rf %t && mkdir %t
// RUN: not nnc %s -o %t/out.so 2>&1 | FileCheck %s
// RUN: not nnc %s --emit=mlir -o %t/out.mlir 2>&1 | FileCheck %s
// RUN: not nnc-run %s --entry=f --target=interp --output=%t/y.npy 2>&1 \
// RUN:   | FileCheck %s
// RUN: not nnc-run %s --entry=f --target=cpu --output=%t/y.npy 2>&1 \
// RUN:   | FileCheck %s
// RUN: ls %t | count 0

// CHECK: invalid_verify.mlir:[[@LINE+3]]:8: error: 'nn.linear' op operand 'x' must have rank 2, got rank 1
// CHECK-NOT: Stack dump
func.func @f(%x: tensor<2xf32>, %w: tensor<3x4xf32>) -> tensor<2x3xf32> {
  %y = "nn.linear"(%x, %w) : (tensor<2xf32>, tensor<3x4xf32>) -> tensor<2x3xf32>
  return %y : tensor<2x3xf32>
}
