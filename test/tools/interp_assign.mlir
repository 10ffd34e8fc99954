// RUN: rm -rf %t && mkdir -p %t
// RUN: %python -c "import numpy as np; np.save('%t/s.npy', np.array([1, 2], np.float32)); \
// RUN:   np.save('%t/x.npy', np.array([10, 20], np.float32))"
// RUN: nnc-run %s --entry=accumulate --target=interp --input=%t/s.npy --input=%t/x.npy \
// RUN:   --updated-dir=%t | FileCheck %s
// RUN: %python %S/Inputs/expect_npy.py %t/arg0.npy float32 "[11, 22]"
// RUN: not ls %t/arg1.npy
// RUN: rm %t/arg0.npy
// RUN: nnc-run %s --entry=accumulate --target=cpu --input=%t/s.npy --input=%t/x.npy \
// RUN:   --updated-dir=%t | FileCheck %s
// RUN: %python %S/Inputs/expect_npy.py %t/arg0.npy float32 "[11, 22]"

// Tests that an entry's nn.assign updates the caller's argument when the
// entry returns, in the interpreter and compiled: reads of the argument
// inside the function see the old value (the result is the old state
// doubled), and --updated-dir writes the new state but not the input.
// CHECK: result #0: f32 [2]
// CHECK-NEXT: [2, 4]
func.func @accumulate(%s: tensor<2xf32> {nn.state}, %x: tensor<2xf32>) -> tensor<2xf32> {
  %next = nn.add %s, %x : tensor<2xf32>, tensor<2xf32>
  nn.assign %s, %next : tensor<2xf32>
  %twice = nn.add %s, %s : tensor<2xf32>, tensor<2xf32>
  return %twice : tensor<2xf32>
}
