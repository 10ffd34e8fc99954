// Tests that the XOR example verifies, infers the shapes of its 2-4-1 sigmoid
// MLP, and round-trips through the generic form unchanged.
// Also tests that the reference interpreter's results agree with NumPy.

// RUN: nnc-opt %examples/xor.mlir | FileCheck %s
// RUN: nnc-opt %examples/xor.mlir --mlir-print-op-generic \
// RUN:   | FileCheck %s --check-prefix=GENERIC
// RUN: nnc-opt %examples/xor.mlir > %t.custom
// RUN: nnc-opt %examples/xor.mlir --mlir-print-op-generic | nnc-opt > %t.roundtrip
// RUN: diff %t.custom %t.roundtrip

// The reference interpreter runs the functions on random arguments (batch 2;
// one .npy per argument name), and NumPy recomputes them independently.
// RUN: %python %S/Inputs/random_inputs.py %examples/xor.mlir loss %t
// RUN: nnc-run %examples/xor.mlir --entry=forward --target=interp \
// RUN:   --input=%t/x.npy --input=%t/w1.npy --input=%t/b1.npy \
// RUN:   --input=%t/w2.npy --input=%t/b2.npy --output=%t/forward.0.npy
// RUN: %python %S/Inputs/numpy_reference.py %examples/xor.mlir forward %t \
// RUN:   %t/forward.0.npy | FileCheck %s --check-prefix=FORWARD
// RUN: nnc-run %examples/xor.mlir --entry=loss --target=interp \
// RUN:   --input=%t/x.npy --input=%t/t.npy --input=%t/w1.npy \
// RUN:   --input=%t/b1.npy --input=%t/w2.npy --input=%t/b2.npy \
// RUN:   --output=%t/loss.0.npy
// RUN: %python %S/Inputs/numpy_reference.py %examples/xor.mlir loss %t \
// RUN:   %t/loss.0.npy | FileCheck %s --check-prefix=LOSS

// FORWARD: @forward result 0: float32 (2, 1) matches numpy
// LOSS: @loss result 0: float32 () matches numpy

// CHECK-LABEL: func.func @forward(
// CHECK-SAME:    %{{.*}}: tensor<?x2xf32>,
// CHECK-SAME:    %{{.*}}: tensor<4x2xf32> {nn.init = "xavier_uniform", nn.param}
// CHECK-SAME:    %{{.*}}: tensor<4xf32> {nn.init = "zeros", nn.param}
// CHECK-SAME:    -> tensor<?x1xf32>
// CHECK:         nn.linear
// CHECK-NEXT:    nn.bias_add %{{.*}}, %{{.*}} : tensor<?x4xf32>, tensor<4xf32>
// CHECK-NEXT:    nn.sigmoid %{{.*}} : tensor<?x4xf32>
// CHECK-NEXT:    nn.linear %{{.*}}, %{{.*}} : tensor<?x4xf32>, tensor<1x4xf32>
// CHECK-NEXT:    nn.bias_add %{{.*}}, %{{.*}} : tensor<?x1xf32>, tensor<1xf32>
// CHECK-NEXT:    %[[P:.*]] = nn.sigmoid %{{.*}} : tensor<?x1xf32>
// CHECK-NEXT:    return %[[P]] : tensor<?x1xf32>

// CHECK-LABEL: func.func @loss(
// CHECK-SAME:    %{{.*}}: tensor<?x2xf32>, %{{.*}}: tensor<?x1xf32>,
// CHECK-SAME:    -> tensor<f32>
// CHECK:         %[[PROB:.*]] = call @forward(
// CHECK-NEXT:    %[[L:.*]] = nn.binary_cross_entropy %[[PROB]], %{{.*}} : tensor<?x1xf32>, tensor<?x1xf32>
// CHECK-NEXT:    return %[[L]] : tensor<f32>

// GENERIC-LABEL: sym_name = "forward"
// GENERIC:       "nn.linear"{{.*}} -> tensor<?x4xf32>
// GENERIC:       "nn.sigmoid"{{.*}} -> tensor<?x4xf32>
// GENERIC:       "nn.linear"{{.*}} -> tensor<?x1xf32>
// GENERIC:       "nn.sigmoid"{{.*}} -> tensor<?x1xf32>
// GENERIC-LABEL: sym_name = "loss"
// GENERIC:       "nn.binary_cross_entropy"{{.*}}{reduction = "mean"}{{.*}} -> tensor<f32>
