// RUN: rm -rf %t && mkdir -p %t
// RUN: %python -c "import numpy as np; np.save('%t/s.npy', np.zeros(2, np.float32))"
// RUN: not nnc-run %s --entry=outer --target=interp --input=%t/s.npy 2>&1 | FileCheck %s
// RUN: not nnc-run %s --entry=outer --target=cpu --input=%t/s.npy 2>&1 | FileCheck %s
// RUN: not nnc %s -o %t/out.so 2>&1 | FileCheck %s
// RUN: not ls %t/out.so

// Tests that a function assigning its arguments (nn.assign) cannot be
// called: a call passes values, so the assignment could not update the
// caller's tensor. The interpreter and the compiler both say so.
// CHECK: assign_in_callee.mlir:[[@LINE+8]]:3: error: 'func.call' op calls '@bump', which assigns its arguments (nn.assign); only an entry may
func.func @bump(%s: tensor<2xf32> {nn.state}) {
  %one = arith.constant dense<1.0> : tensor<2xf32>
  %next = nn.add %s, %one : tensor<2xf32>, tensor<2xf32>
  nn.assign %s, %next : tensor<2xf32>
  return
}
func.func @outer(%s: tensor<2xf32> {nn.state}) {
  call @bump(%s) : (tensor<2xf32>) -> ()
  return
}
