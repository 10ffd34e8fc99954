// Tests that the MLP example verifies, infers the shapes of its
// 784-512-256-10 layers, and round-trips through the generic form unchanged.
// Also tests that the reference interpreter's results agree with NumPy.

// RUN: nnc-opt %examples/mlp.mlir | FileCheck %s
// RUN: nnc-opt %examples/mlp.mlir --mlir-print-op-generic \
// RUN:   | FileCheck %s --check-prefix=GENERIC
// RUN: nnc-opt %examples/mlp.mlir > %t.custom
// RUN: nnc-opt %examples/mlp.mlir --mlir-print-op-generic | nnc-opt > %t.roundtrip
// RUN: diff %t.custom %t.roundtrip

// The reference interpreter runs the functions on random arguments (batch 2;
// one .npy per argument name), and NumPy recomputes them independently.
// RUN: %python %S/Inputs/random_inputs.py %examples/mlp.mlir loss %t
// RUN: nnc-run %examples/mlp.mlir --entry=forward --target=interp \
// RUN:   --input=%t/x.npy --input=%t/w1.npy --input=%t/b1.npy \
// RUN:   --input=%t/w2.npy --input=%t/b2.npy --input=%t/w3.npy \
// RUN:   --input=%t/b3.npy --output=%t/forward.0.npy
// RUN: %python %S/Inputs/numpy_reference.py %examples/mlp.mlir forward %t \
// RUN:   %t/forward.0.npy | FileCheck %s --check-prefix=FORWARD
// RUN: nnc-run %examples/mlp.mlir --entry=loss --target=interp \
// RUN:   --input=%t/x.npy --input=%t/labels.npy --input=%t/w1.npy \
// RUN:   --input=%t/b1.npy --input=%t/w2.npy --input=%t/b2.npy \
// RUN:   --input=%t/w3.npy --input=%t/b3.npy --output=%t/loss.0.npy
// RUN: %python %S/Inputs/numpy_reference.py %examples/mlp.mlir loss %t \
// RUN:   %t/loss.0.npy | FileCheck %s --check-prefix=LOSS

// FORWARD: @forward result 0: float32 (2, 10) matches numpy
// LOSS: @loss result 0: float32 () matches numpy

// CHECK-LABEL: func.func @forward(
// CHECK-SAME:    %{{.*}}: tensor<?x784xf32>,
// CHECK-SAME:    %{{.*}}: tensor<512x784xf32> {nn.init = "he_uniform", nn.param}
// CHECK-SAME:    %{{.*}}: tensor<10x256xf32> {nn.init = "xavier_uniform", nn.param}
// CHECK-SAME:    -> tensor<?x10xf32>
// CHECK:         nn.bias_add %{{.*}}, %{{.*}} : tensor<?x512xf32>, tensor<512xf32>
// CHECK:         nn.bias_add %{{.*}}, %{{.*}} : tensor<?x256xf32>, tensor<256xf32>
// CHECK:         %[[LOGITS:.*]] = nn.bias_add %{{.*}}, %{{.*}} : tensor<?x10xf32>, tensor<10xf32>
// CHECK-NEXT:    return %[[LOGITS]] : tensor<?x10xf32>

// CHECK-LABEL: func.func @loss(
// CHECK-SAME:    %{{.*}}: tensor<?x784xf32>, %{{.*}}: tensor<?xi64>,
// CHECK-SAME:    -> tensor<f32>
// CHECK:         %[[Y:.*]] = call @forward(
// CHECK-NEXT:    nn.softmax_cross_entropy %[[Y]], %{{.*}} : tensor<?x10xf32>, tensor<?xi64>

// GENERIC-LABEL: sym_name = "forward"
// GENERIC:       "nn.linear"{{.*}} -> tensor<?x512xf32>
// GENERIC:       "nn.relu"{{.*}} -> tensor<?x512xf32>
// GENERIC:       "nn.linear"{{.*}} -> tensor<?x256xf32>
// GENERIC:       "nn.relu"{{.*}} -> tensor<?x256xf32>
// GENERIC:       "nn.linear"{{.*}} -> tensor<?x10xf32>
// GENERIC-LABEL: sym_name = "loss"
// GENERIC:       "nn.softmax_cross_entropy"{{.*}} -> tensor<f32>
