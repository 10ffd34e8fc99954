// Tests that nnc-run --target=interp prints every result (dtype, shape and
// values) on stdout when no --output is given.

// RUN: rm -rf %t && mkdir %t
// RUN: %python -c "import numpy as np; \
// RUN:   np.save('%t/x.npy', np.array([[1, 2], [3, -4]], np.float32)); \
// RUN:   np.save('%t/w.npy', np.array([[1, 0], [0, 1], [1, 1]], np.float32)); \
// RUN:   np.save('%t/b.npy', np.array([0, 0, -1], np.float32))"
// RUN: nnc-run %S/Inputs/linear_relu.mlir --target=interp --input=%t/x.npy \
// RUN:   --input=%t/w.npy --input=%t/b.npy | FileCheck %s --check-prefix=RELU

// x · wᵀ = [[1, 2, 3], [3, -4, -1]]; + b = [[1, 2, 2], [3, -4, -2]]; relu.
// RELU:      result #0: f32 [2, 3]
// RELU-NEXT: {{^\[\[}}1, 2, 2],
// RELU-NEXT: {{^}} [3, 0, 0]]{{$}}
// RELU-NOT:  result #1

// Two results print in order. XNOR's hidden layer is (AND, NOR) =
// (sigmoid(-30), sigmoid(10)) = (9.35762e-14, 0.999955) at (0, 0); its
// output there is sigmoid(-10 + 20 · 9.36e-14 + 20 · 0.999955) = 0.999955.
// RUN: %python -c "import numpy as np; \
// RUN:   np.save('%t/x00.npy', np.array([[0, 0]], np.float32)); \
// RUN:   np.save('%t/w1.npy', np.array([[20, 20], [-20, -20]], np.float32)); \
// RUN:   np.save('%t/b1.npy', np.array([-30, 10], np.float32)); \
// RUN:   np.save('%t/w2.npy', np.array([[20, 20]], np.float32)); \
// RUN:   np.save('%t/b2.npy', np.array([-10], np.float32))"
// RUN: nnc-run %S/Inputs/logic.mlir --entry=xnor --target=interp \
// RUN:   --input=%t/x00.npy --input=%t/w1.npy --input=%t/b1.npy \
// RUN:   --input=%t/w2.npy --input=%t/b2.npy | FileCheck %s --check-prefix=XNOR

// XNOR:      result #0: f32 [1, 2]
// XNOR-NEXT: {{^\[\[}}9.35762e-14, 0.999955]]
// XNOR-NEXT: result #1: f32 [1, 1]
// XNOR-NEXT: {{^\[\[}}0.999955]]
