// Tests that the AlexNet-small example verifies, infers the shape of every
// stage (64x64 -> 32 -> 15 -> 15 -> 7 -> 3, flattened to 288), applies dropout
// only in training, and round-trips through the generic form unchanged.
// Also tests that the reference interpreter's results agree with NumPy.

// RUN: nnc-opt %examples/alexnet_small.mlir | FileCheck %s
// RUN: nnc-opt %examples/alexnet_small.mlir --mlir-print-op-generic \
// RUN:   | FileCheck %s --check-prefix=GENERIC
// RUN: nnc-opt %examples/alexnet_small.mlir > %t.custom
// RUN: nnc-opt %examples/alexnet_small.mlir --mlir-print-op-generic | nnc-opt > %t.roundtrip
// RUN: diff %t.custom %t.roundtrip

// The reference interpreter runs the functions on random arguments (batch 2;
// one .npy per argument name), and NumPy recomputes them independently.
// RUN: %python %S/Inputs/random_inputs.py %examples/alexnet_small.mlir loss %t
// RUN: nnc-run %examples/alexnet_small.mlir --entry=forward --target=interp \
// RUN:   --input=%t/x.npy --input=%t/c1w.npy --input=%t/c1b.npy \
// RUN:   --input=%t/c2w.npy --input=%t/c2b.npy --input=%t/c3w.npy \
// RUN:   --input=%t/c3b.npy --input=%t/c4w.npy --input=%t/c4b.npy \
// RUN:   --input=%t/c5w.npy --input=%t/c5b.npy --input=%t/f6w.npy \
// RUN:   --input=%t/f6b.npy --input=%t/f7w.npy --input=%t/f7b.npy \
// RUN:   --output=%t/forward.0.npy
// RUN: %python %S/Inputs/numpy_reference.py %examples/alexnet_small.mlir forward %t \
// RUN:   %t/forward.0.npy | FileCheck %s --check-prefix=FORWARD
// RUN: nnc-run %examples/alexnet_small.mlir --entry=training_forward --target=interp \
// RUN:   --input=%t/x.npy --input=%t/seed.npy --input=%t/c1w.npy \
// RUN:   --input=%t/c1b.npy --input=%t/c2w.npy --input=%t/c2b.npy \
// RUN:   --input=%t/c3w.npy --input=%t/c3b.npy --input=%t/c4w.npy \
// RUN:   --input=%t/c4b.npy --input=%t/c5w.npy --input=%t/c5b.npy \
// RUN:   --input=%t/f6w.npy --input=%t/f6b.npy --input=%t/f7w.npy \
// RUN:   --input=%t/f7b.npy --output=%t/training_forward.0.npy
// RUN: %python %S/Inputs/numpy_reference.py %examples/alexnet_small.mlir training_forward %t \
// RUN:   %t/training_forward.0.npy | FileCheck %s --check-prefix=TRAINING
// RUN: nnc-run %examples/alexnet_small.mlir --entry=loss --target=interp \
// RUN:   --input=%t/x.npy --input=%t/labels.npy --input=%t/seed.npy \
// RUN:   --input=%t/c1w.npy --input=%t/c1b.npy --input=%t/c2w.npy \
// RUN:   --input=%t/c2b.npy --input=%t/c3w.npy --input=%t/c3b.npy \
// RUN:   --input=%t/c4w.npy --input=%t/c4b.npy --input=%t/c5w.npy \
// RUN:   --input=%t/c5b.npy --input=%t/f6w.npy --input=%t/f6b.npy \
// RUN:   --input=%t/f7w.npy --input=%t/f7b.npy --output=%t/loss.0.npy
// RUN: %python %S/Inputs/numpy_reference.py %examples/alexnet_small.mlir loss %t \
// RUN:   %t/loss.0.npy | FileCheck %s --check-prefix=LOSS

// FORWARD: @forward result 0: float32 (2, 10) matches numpy
// TRAINING: @training_forward result 0: float32 (2, 10) matches numpy
// LOSS: @loss result 0: float32 () matches numpy

// CHECK-LABEL: func.func @features(
// CHECK-SAME:    %{{.*}}: tensor<?x3x64x64xf32>,
// CHECK-SAME:    -> tensor<?x288xf32>
// CHECK:         nn.conv2d %{{.*}}, %{{.*}} {padding = array<i64: 2, 2, 2, 2>, strides = array<i64: 2, 2>} : tensor<?x3x64x64xf32>, tensor<16x3x5x5xf32>
// CHECK-NEXT:    nn.bias_add %{{.*}}, %{{.*}} : tensor<?x16x32x32xf32>, tensor<16xf32>
// CHECK-NEXT:    nn.relu
// CHECK-NEXT:    nn.lrn %{{.*}} {bias = 2.000000e+00 : f32} : tensor<?x16x32x32xf32>
// CHECK-NEXT:    nn.max_pool2d %{{.*}} {kernel = array<i64: 3, 3>, strides = array<i64: 2, 2>} : tensor<?x16x32x32xf32>
// CHECK-NEXT:    nn.conv2d %{{.*}}, %{{.*}} {padding = array<i64: 2, 2, 2, 2>} : tensor<?x16x15x15xf32>, tensor<32x16x5x5xf32>
// CHECK-NEXT:    nn.bias_add %{{.*}}, %{{.*}} : tensor<?x32x15x15xf32>, tensor<32xf32>
// CHECK:         nn.conv2d %{{.*}}, %{{.*}} {padding = array<i64: 1, 1, 1, 1>} : tensor<?x32x7x7xf32>, tensor<48x32x3x3xf32>
// CHECK:         nn.conv2d %{{.*}}, %{{.*}} {padding = array<i64: 1, 1, 1, 1>} : tensor<?x48x7x7xf32>, tensor<48x48x3x3xf32>
// CHECK:         nn.conv2d %{{.*}}, %{{.*}} {padding = array<i64: 1, 1, 1, 1>} : tensor<?x48x7x7xf32>, tensor<32x48x3x3xf32>
// CHECK:         nn.max_pool2d %{{.*}} : tensor<?x32x7x7xf32>
// CHECK-NEXT:    %[[FLAT:.*]] = nn.reshape %{{.*}} : tensor<?x32x3x3xf32> -> tensor<?x288xf32>
// CHECK-NEXT:    return %[[FLAT]] : tensor<?x288xf32>

// CHECK-LABEL: func.func @forward(
// CHECK-SAME:    %{{.*}}: tensor<?x3x64x64xf32>, %{{.*}}: tensor<16x3x5x5xf32> {nn.init = "he_uniform", nn.param}
// CHECK-SAME:    -> tensor<?x10xf32>
// CHECK:         call @features(
// CHECK:         %[[SEED:.*]] = arith.constant dense<0> : tensor<i64>
// CHECK-NEXT:    nn.dropout %{{.*}}, %[[SEED]] : tensor<?x256xf32>, tensor<i64>
// CHECK-NEXT:    nn.linear %{{.*}}, %{{.*}} : tensor<?x256xf32>, tensor<10x256xf32>

// CHECK-LABEL: func.func @training_forward(
// CHECK-SAME:    %{{.*}}: tensor<?x3x64x64xf32>, %[[TSEED:.*]]: tensor<i64>,
// CHECK:         nn.dropout %{{.*}}, %[[TSEED]] {training = true} : tensor<?x256xf32>, tensor<i64>

// CHECK-LABEL: func.func @loss(
// CHECK-SAME:    %{{.*}}: tensor<?x3x64x64xf32>, %{{.*}}: tensor<?xi64>, %{{.*}}: tensor<i64>,
// CHECK-SAME:    -> tensor<f32>
// CHECK:         %[[Y:.*]] = call @training_forward(
// CHECK-NEXT:    nn.softmax_cross_entropy %[[Y]], %{{.*}} : tensor<?x10xf32>, tensor<?xi64>

// GENERIC-LABEL: sym_name = "features"
// GENERIC:       "nn.conv2d"{{.*}} -> tensor<?x16x32x32xf32>
// GENERIC:       "nn.lrn"{{.*}}{alpha = 9.99999974E-5 : f32, beta = 7.500000e-01 : f32, bias = 2.000000e+00 : f32, size = 5 : i64}{{.*}} -> tensor<?x16x32x32xf32>
// GENERIC:       "nn.max_pool2d"{{.*}} -> tensor<?x16x15x15xf32>
// GENERIC:       "nn.conv2d"{{.*}} -> tensor<?x32x15x15xf32>
// GENERIC:       "nn.max_pool2d"{{.*}} -> tensor<?x32x7x7xf32>
// GENERIC:       "nn.conv2d"{{.*}} -> tensor<?x48x7x7xf32>
// GENERIC:       "nn.conv2d"{{.*}} -> tensor<?x48x7x7xf32>
// GENERIC:       "nn.conv2d"{{.*}} -> tensor<?x32x7x7xf32>
// GENERIC:       "nn.max_pool2d"{{.*}} -> tensor<?x32x3x3xf32>
// GENERIC:       "nn.reshape"{{.*}} -> tensor<?x288xf32>
// GENERIC-LABEL: sym_name = "forward"
// GENERIC:       "nn.dropout"{{.*}}{rate = 5.000000e-01 : f32, training = false}{{.*}} -> tensor<?x256xf32>
// GENERIC:       "nn.linear"{{.*}} -> tensor<?x10xf32>
// GENERIC-LABEL: sym_name = "training_forward"
// GENERIC:       "nn.dropout"{{.*}}{rate = 5.000000e-01 : f32, training = true}{{.*}} -> tensor<?x256xf32>
// GENERIC-LABEL: sym_name = "loss"
// GENERIC:       "nn.softmax_cross_entropy"{{.*}} -> tensor<f32>
