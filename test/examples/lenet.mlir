// Tests that the LeNet-5 example verifies, infers the shape of every stage
// (28x28 -> 14x14 -> 10x10 -> 5x5 -> 400 -> 10), and round-trips through the
// generic form unchanged.
// Also tests that the reference interpreter's results agree with NumPy.

// RUN: nnc-opt %examples/lenet.mlir | FileCheck %s
// RUN: nnc-opt %examples/lenet.mlir --mlir-print-op-generic \
// RUN:   | FileCheck %s --check-prefix=GENERIC
// RUN: nnc-opt %examples/lenet.mlir > %t.custom
// RUN: nnc-opt %examples/lenet.mlir --mlir-print-op-generic | nnc-opt > %t.roundtrip
// RUN: diff %t.custom %t.roundtrip

// The reference interpreter runs the functions on random arguments (batch 2;
// one .npy per argument name), and NumPy recomputes them independently.
// RUN: %python %S/Inputs/random_inputs.py %examples/lenet.mlir loss %t
// RUN: nnc-run %examples/lenet.mlir --entry=forward --target=interp \
// RUN:   --input=%t/x.npy --input=%t/c1w.npy --input=%t/c1b.npy \
// RUN:   --input=%t/c2w.npy --input=%t/c2b.npy --input=%t/f1w.npy \
// RUN:   --input=%t/f1b.npy --input=%t/f2w.npy --input=%t/f2b.npy \
// RUN:   --input=%t/f3w.npy --input=%t/f3b.npy --output=%t/forward.0.npy
// RUN: %python %S/Inputs/numpy_reference.py %examples/lenet.mlir forward %t \
// RUN:   %t/forward.0.npy | FileCheck %s --check-prefix=FORWARD
// RUN: nnc-run %examples/lenet.mlir --entry=loss --target=interp \
// RUN:   --input=%t/x.npy --input=%t/labels.npy --input=%t/c1w.npy \
// RUN:   --input=%t/c1b.npy --input=%t/c2w.npy --input=%t/c2b.npy \
// RUN:   --input=%t/f1w.npy --input=%t/f1b.npy --input=%t/f2w.npy \
// RUN:   --input=%t/f2b.npy --input=%t/f3w.npy --input=%t/f3b.npy \
// RUN:   --output=%t/loss.0.npy
// RUN: %python %S/Inputs/numpy_reference.py %examples/lenet.mlir loss %t \
// RUN:   %t/loss.0.npy | FileCheck %s --check-prefix=LOSS

// FORWARD: @forward result 0: float32 (2, 10) matches numpy
// LOSS: @loss result 0: float32 () matches numpy

// CHECK-LABEL: func.func @forward(
// CHECK-SAME:    %{{.*}}: tensor<?x1x28x28xf32>,
// CHECK-SAME:    %{{.*}}: tensor<6x1x5x5xf32> {nn.init = "he_uniform", nn.param}
// CHECK-SAME:    -> tensor<?x10xf32>
// CHECK:         nn.conv2d %{{.*}}, %{{.*}} {padding = array<i64: 2, 2, 2, 2>} : tensor<?x1x28x28xf32>, tensor<6x1x5x5xf32>
// CHECK-NEXT:    nn.bias_add %{{.*}}, %{{.*}} : tensor<?x6x28x28xf32>, tensor<6xf32>
// CHECK:         nn.max_pool2d %{{.*}} {kernel = array<i64: 2, 2>} : tensor<?x6x28x28xf32>
// CHECK-NEXT:    nn.conv2d %{{.*}}, %{{.*}} : tensor<?x6x14x14xf32>, tensor<16x6x5x5xf32>
// CHECK-NEXT:    nn.bias_add %{{.*}}, %{{.*}} : tensor<?x16x10x10xf32>, tensor<16xf32>
// CHECK:         nn.reshape %{{.*}} : tensor<?x16x5x5xf32> -> tensor<?x400xf32>
// CHECK-NEXT:    nn.linear %{{.*}}, %{{.*}} : tensor<?x400xf32>, tensor<120x400xf32>
// CHECK:         nn.linear %{{.*}}, %{{.*}} : tensor<?x120xf32>, tensor<84x120xf32>
// CHECK:         nn.linear %{{.*}}, %{{.*}} : tensor<?x84xf32>, tensor<10x84xf32>
// CHECK-NEXT:    %[[LOGITS:.*]] = nn.bias_add %{{.*}}, %{{.*}} : tensor<?x10xf32>, tensor<10xf32>
// CHECK-NEXT:    return %[[LOGITS]] : tensor<?x10xf32>

// CHECK-LABEL: func.func @loss(
// CHECK-SAME:    %{{.*}}: tensor<?x1x28x28xf32>, %{{.*}}: tensor<?xi64>,
// CHECK-SAME:    -> tensor<f32>
// CHECK:         %[[Y:.*]] = call @forward(
// CHECK-NEXT:    nn.softmax_cross_entropy %[[Y]], %{{.*}} : tensor<?x10xf32>, tensor<?xi64>

// GENERIC-LABEL: sym_name = "forward"
// GENERIC:       "nn.conv2d"{{.*}} -> tensor<?x6x28x28xf32>
// GENERIC:       "nn.max_pool2d"{{.*}} -> tensor<?x6x14x14xf32>
// GENERIC:       "nn.conv2d"{{.*}} -> tensor<?x16x10x10xf32>
// GENERIC:       "nn.max_pool2d"{{.*}} -> tensor<?x16x5x5xf32>
// GENERIC:       "nn.reshape"{{.*}} -> tensor<?x400xf32>
// GENERIC:       "nn.linear"{{.*}} -> tensor<?x120xf32>
// GENERIC:       "nn.linear"{{.*}} -> tensor<?x84xf32>
// GENERIC:       "nn.linear"{{.*}} -> tensor<?x10xf32>
// GENERIC-LABEL: sym_name = "loss"
// GENERIC:       "nn.softmax_cross_entropy"{{.*}} -> tensor<f32>
