// Tests that the cpu target compiles entries that return an argument
// unchanged, or the same value twice, as the interpreter runs them.

// RUN: rm -rf %t && mkdir %t
// RUN: %python -c "import numpy as np; \
// RUN:   np.save('%t/x.npy', np.array([[1, -2], [-3, 4]], np.float32))"

// RUN: nnc %s -o %t/m.so
// RUN: nnc-run %t/m.so --entry=identity --input=%t/x.npy --output=%t/same.npy
// RUN: %python %S/Inputs/expect_npy.py %t/same.npy float32 \
// RUN:   "[[1, -2], [-3, 4]]" 0 0
func.func @identity(%x: tensor<2x2xf32>) -> tensor<2x2xf32> {
  return %x : tensor<2x2xf32>
}

// RUN: nnc-run %s --entry=twice --input=%t/x.npy --output=%t/a.npy \
// RUN:   --output=%t/b.npy
// RUN: %python %S/Inputs/expect_npy.py %t/a.npy float32 "[[1, 0], [0, 4]]" 0 0
// RUN: %python %S/Inputs/expect_npy.py %t/b.npy float32 "[[1, 0], [0, 4]]" 0 0
func.func @twice(%x: tensor<2x2xf32>) -> (tensor<2x2xf32>, tensor<2x2xf32>) {
  %y = nn.relu %x : tensor<2x2xf32>
  return %y, %y : tensor<2x2xf32>, tensor<2x2xf32>
}
