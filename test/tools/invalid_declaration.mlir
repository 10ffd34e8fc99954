// Tests that a model calling a function declared without a body is refused
// with a diagnostic at the declaration, a non-zero exit and no output file,
// by the interpreter and the cpu target alike.

// RUN: rm -rf %t && mkdir %t
// RUN: %python -c "import numpy as np; \
// RUN:   np.save('%t/x.npy', np.array([1, -1], np.float32))"
// RUN: not nnc-run %s --entry=f --target=interp --input=%t/x.npy \
// RUN:   --output=%t/y.npy 2>&1 | FileCheck %s
// RUN: not nnc %s -o %t/out.so 2>&1 | FileCheck %s
// RUN: not nnc-run %s --entry=f --input=%t/x.npy --output=%t/y.npy 2>&1 \
// RUN:   | FileCheck %s
// RUN: ls %t | count 1

// CHECK: invalid_declaration.mlir:[[@LINE+2]]:1: error: @external is a declaration without a body
// CHECK-NOT: Stack dump
func.func private @external(tensor<2xf32>) -> tensor<2xf32>

func.func @f(%x: tensor<2xf32>) -> tensor<2xf32> {
  %y = call @external(%x) : (tensor<2xf32>) -> tensor<2xf32>
  return %y : tensor<2xf32>
}
