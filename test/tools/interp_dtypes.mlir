// Tests that nnc-run --target=interp reads and writes bool, i32, i64 and
// f64 arrays with their dtype unchanged, through ops that accept them.

// RUN: rm -rf %t && mkdir %t
// RUN: %python -c "import numpy as np; \
// RUN:   np.save('%t/mask.npy', np.array([[True, False, False], [True, True, False]])); \
// RUN:   np.save('%t/a32.npy', np.array([[1, -2]], np.int32)); \
// RUN:   np.save('%t/b32.npy', np.array([[2147483647, -2147483648], [0, 7]], np.int32)); \
// RUN:   np.save('%t/ids.npy', np.array([[1, 2, 3], [4, 5, 6]], np.int64)); \
// RUN:   np.save('%t/x64.npy', np.array([[0, 1e-300], [-8, 2]], np.float64))"

// RUN: nnc-run %s --entry=transpose_bool --target=interp \
// RUN:   --input=%t/mask.npy --output=%t/mask_t.npy
// RUN: %python %S/Inputs/expect_npy.py %t/mask_t.npy bool \
// RUN:   "[[True, True], [False, True], [False, False]]"
func.func @transpose_bool(%x: tensor<2x3xi1>) -> tensor<3x2xi1> {
  %y = nn.transpose %x {permutation = array<i64: 1, 0>} : tensor<2x3xi1>
  return %y : tensor<3x2xi1>
}

// The extreme i32 values survive the round trip.
// RUN: nnc-run %s --entry=concat_i32 --target=interp \
// RUN:   --input=%t/a32.npy --input=%t/b32.npy --output=%t/cat.npy
// RUN: %python %S/Inputs/expect_npy.py %t/cat.npy int32 \
// RUN:   "[[1, -2], [2147483647, -2147483648], [0, 7]]"
func.func @concat_i32(%a: tensor<?x2xi32>, %b: tensor<?x2xi32>)
    -> tensor<?x2xi32> {
  %c = nn.concat %a, %b {axis = 0 : i64} : tensor<?x2xi32>, tensor<?x2xi32>
  return %c : tensor<?x2xi32>
}

// RUN: nnc-run %s --entry=reshape_i64 --target=interp \
// RUN:   --input=%t/ids.npy --output=%t/ids_r.npy
// RUN: %python %S/Inputs/expect_npy.py %t/ids_r.npy int64 \
// RUN:   "[[1, 2], [3, 4], [5, 6]]"
func.func @reshape_i64(%x: tensor<2x3xi64>) -> tensor<3x2xi64> {
  %y = nn.reshape %x : tensor<2x3xi64> -> tensor<3x2xi64>
  return %y : tensor<3x2xi64>
}

// f64 keeps 1e-300, which f32 cannot hold.
// RUN: nnc-run %s --entry=relu_f64 --target=interp \
// RUN:   --input=%t/x64.npy --output=%t/relu64.npy
// RUN: %python %S/Inputs/expect_npy.py %t/relu64.npy float64 \
// RUN:   "[[0, 1e-300], [0, 2]]" 0 0
func.func @relu_f64(%x: tensor<?x2xf64>) -> tensor<?x2xf64> {
  %y = nn.relu %x : tensor<?x2xf64>
  return %y : tensor<?x2xf64>
}

// The printed form names each dtype.
// RUN: nnc-run %s --entry=transpose_bool --target=interp \
// RUN:   --input=%t/mask.npy | FileCheck %s --check-prefix=BOOL
// BOOL:      result #0: bool [3, 2]
// BOOL-NEXT: {{^\[\[}}true, true],
// RUN: nnc-run %s --entry=concat_i32 --target=interp --input=%t/a32.npy \
// RUN:   --input=%t/b32.npy | FileCheck %s --check-prefix=I32
// I32:       result #0: i32 [3, 2]
// I32-NEXT:  {{^\[\[}}1, -2],
// I32-NEXT:  {{^}} [2147483647, -2147483648],
// RUN: nnc-run %s --entry=reshape_i64 --target=interp --input=%t/ids.npy \
// RUN:   | FileCheck %s --check-prefix=I64
// I64:       result #0: i64 [3, 2]
// RUN: nnc-run %s --entry=relu_f64 --target=interp --input=%t/x64.npy \
// RUN:   | FileCheck %s --check-prefix=F64
// F64:       result #0: f64 [2, 2]
// F64-NEXT:  {{^\[\[}}0, 1e-300],
