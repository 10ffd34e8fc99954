// Tests that the residual example verifies, infers the shapes of its stem,
// block and two heads, uses inference batch norm in @forward and training
// batch norm in @loss, and round-trips through the generic form unchanged.
// Also tests that the reference interpreter's results agree with NumPy.

// RUN: nnc-opt %examples/resnet_block.mlir | FileCheck %s
// RUN: nnc-opt %examples/resnet_block.mlir --mlir-print-op-generic \
// RUN:   | FileCheck %s --check-prefix=GENERIC
// RUN: nnc-opt %examples/resnet_block.mlir > %t.custom
// RUN: nnc-opt %examples/resnet_block.mlir --mlir-print-op-generic | nnc-opt > %t.roundtrip
// RUN: diff %t.custom %t.roundtrip

// The reference interpreter runs the functions on random arguments (batch 2;
// one .npy per argument name), and NumPy recomputes them independently.
// RUN: %python %S/Inputs/random_inputs.py %examples/resnet_block.mlir loss %t
// RUN: nnc-run %examples/resnet_block.mlir --entry=forward --target=interp \
// RUN:   --input=%t/x.npy --input=%t/w0.npy --input=%t/g0.npy \
// RUN:   --input=%t/b0.npy --input=%t/w1.npy --input=%t/g1.npy \
// RUN:   --input=%t/b1.npy --input=%t/w2.npy --input=%t/g2.npy \
// RUN:   --input=%t/b2.npy --input=%t/fcw.npy --input=%t/fcb.npy \
// RUN:   --input=%t/auxw.npy --input=%t/auxb.npy --input=%t/m0.npy \
// RUN:   --input=%t/v0.npy --input=%t/m1.npy --input=%t/v1.npy \
// RUN:   --input=%t/m2.npy --input=%t/v2.npy --output=%t/forward.0.npy \
// RUN:   --output=%t/forward.1.npy
// RUN: %python %S/Inputs/numpy_reference.py %examples/resnet_block.mlir forward %t \
// RUN:   %t/forward.0.npy %t/forward.1.npy | FileCheck %s --check-prefix=FORWARD
// RUN: nnc-run %examples/resnet_block.mlir --entry=training_forward --target=interp \
// RUN:   --input=%t/x.npy --input=%t/w0.npy --input=%t/g0.npy \
// RUN:   --input=%t/b0.npy --input=%t/w1.npy --input=%t/g1.npy \
// RUN:   --input=%t/b1.npy --input=%t/w2.npy --input=%t/g2.npy \
// RUN:   --input=%t/b2.npy --input=%t/fcw.npy --input=%t/fcb.npy \
// RUN:   --input=%t/auxw.npy --input=%t/auxb.npy --input=%t/m0.npy \
// RUN:   --input=%t/v0.npy --input=%t/m1.npy --input=%t/v1.npy \
// RUN:   --input=%t/m2.npy --input=%t/v2.npy \
// RUN:   --output=%t/training_forward.0.npy \
// RUN:   --output=%t/training_forward.1.npy
// RUN: %python %S/Inputs/numpy_reference.py %examples/resnet_block.mlir training_forward %t \
// RUN:   %t/training_forward.0.npy %t/training_forward.1.npy | FileCheck %s --check-prefix=TRAINING
// RUN: nnc-run %examples/resnet_block.mlir --entry=loss --target=interp \
// RUN:   --input=%t/x.npy --input=%t/labels.npy --input=%t/w0.npy \
// RUN:   --input=%t/g0.npy --input=%t/b0.npy --input=%t/w1.npy \
// RUN:   --input=%t/g1.npy --input=%t/b1.npy --input=%t/w2.npy \
// RUN:   --input=%t/g2.npy --input=%t/b2.npy --input=%t/fcw.npy \
// RUN:   --input=%t/fcb.npy --input=%t/auxw.npy --input=%t/auxb.npy \
// RUN:   --input=%t/m0.npy --input=%t/v0.npy --input=%t/m1.npy \
// RUN:   --input=%t/v1.npy --input=%t/m2.npy --input=%t/v2.npy \
// RUN:   --output=%t/loss.0.npy
// RUN: %python %S/Inputs/numpy_reference.py %examples/resnet_block.mlir loss %t \
// RUN:   %t/loss.0.npy | FileCheck %s --check-prefix=LOSS

// FORWARD: @forward result 0: float32 (2, 10) matches numpy
// FORWARD: @forward result 1: float32 (2, 10) matches numpy
// TRAINING: @training_forward result 0: float32 (2, 10) matches numpy
// TRAINING: @training_forward result 1: float32 (2, 10) matches numpy
// LOSS: @loss result 0: float32 () matches numpy

// CHECK-LABEL: func.func @forward(
// CHECK-SAME:    %{{.*}}: tensor<?x3x32x32xf32>,
// CHECK-SAME:    %{{.*}}: tensor<16x3x3x3xf32> {nn.init = "he_uniform", nn.param}
// CHECK-SAME:    %{{.*}}: tensor<16xf32> {nn.init = "ones", nn.param}
// CHECK-SAME:    %{{.*}}: tensor<16xf32> {nn.init = "zeros", nn.state}
// CHECK-SAME:    %{{.*}}: tensor<16xf32> {nn.init = "ones", nn.state}
// CHECK-SAME:    -> (tensor<?x10xf32>, tensor<?x10xf32>)
// CHECK:         %[[STEM:[^,]*]], %{{.*}}, %{{.*}} = nn.batch_norm %{{.*}} : tensor<?x16x32x32xf32>, tensor<16xf32>,
// CHECK-NEXT:    %[[S:.*]] = nn.relu %[[STEM]] : tensor<?x16x32x32xf32>
// CHECK-NEXT:    nn.conv2d %[[S]], %{{.*}} {padding = array<i64: 1, 1, 1, 1>} : tensor<?x16x32x32xf32>, tensor<16x16x3x3xf32>
// CHECK-NEXT:    %[[BN1:[^,]*]], %{{.*}}, %{{.*}} = nn.batch_norm
// CHECK-NEXT:    %[[H1:.*]] = nn.relu %[[BN1]]
// CHECK-NEXT:    nn.conv2d %[[H1]], %{{.*}} {padding = array<i64: 1, 1, 1, 1>} : tensor<?x16x32x32xf32>, tensor<16x16x3x3xf32>
// CHECK-NEXT:    %[[BN2:[^,]*]], %{{.*}}, %{{.*}} = nn.batch_norm
// CHECK-NEXT:    %[[SUM:.*]] = nn.add %[[BN2]], %[[S]] : tensor<?x16x32x32xf32>, tensor<?x16x32x32xf32>
// CHECK-NEXT:    %[[R:.*]] = nn.relu %[[SUM]]
// CHECK-NEXT:    %[[GAP:.*]] = nn.reduce_mean %[[R]] {axes = array<i64: 2, 3>} : tensor<?x16x32x32xf32>
// CHECK-NEXT:    nn.linear %[[GAP]], %{{.*}} : tensor<?x16xf32>, tensor<10x16xf32>
// CHECK-NEXT:    %[[LOGITS:.*]] = nn.bias_add
// CHECK-NEXT:    %[[SGAP:.*]] = nn.reduce_mean %[[S]] {axes = array<i64: 2, 3>} : tensor<?x16x32x32xf32>
// CHECK-NEXT:    nn.linear %[[SGAP]], %{{.*}} : tensor<?x16xf32>, tensor<10x16xf32>
// CHECK-NEXT:    %[[AUX:.*]] = nn.bias_add
// CHECK-NEXT:    return %[[LOGITS]], %[[AUX]] : tensor<?x10xf32>, tensor<?x10xf32>

// CHECK-LABEL: func.func @training_forward(
// CHECK-COUNT-3: nn.batch_norm {{.*}} {training = true}
// CHECK-NOT:     nn.batch_norm

// CHECK-LABEL: func.func @loss(
// CHECK-SAME:    %{{.*}}: tensor<?x3x32x32xf32>, %{{.*}}: tensor<?xi64>,
// CHECK-SAME:    -> tensor<f32>
// CHECK:         %[[HEADS:.*]]:2 = call @training_forward(
// CHECK-NEXT:    %[[MAIN:.*]] = nn.softmax_cross_entropy %[[HEADS]]#0, %{{.*}} : tensor<?x10xf32>, tensor<?xi64>
// CHECK-NEXT:    %[[AUXL:.*]] = nn.softmax_cross_entropy %[[HEADS]]#1, %{{.*}} : tensor<?x10xf32>, tensor<?xi64>
// CHECK-NEXT:    %[[W:.*]] = arith.constant dense<3.000000e-01> : tensor<f32>
// CHECK-NEXT:    %[[WAUX:.*]] = nn.mul %[[W]], %[[AUXL]] : tensor<f32>, tensor<f32>
// CHECK-NEXT:    %[[L:.*]] = nn.add %[[MAIN]], %[[WAUX]] : tensor<f32>, tensor<f32>
// CHECK-NEXT:    return %[[L]] : tensor<f32>

// GENERIC-LABEL: sym_name = "forward"
// GENERIC:       "nn.conv2d"{{.*}} -> tensor<?x16x32x32xf32>
// GENERIC:       "nn.batch_norm"{{.*}}training = false{{.*}} -> (tensor<?x16x32x32xf32>, tensor<16xf32>, tensor<16xf32>)
// GENERIC:       "nn.add"{{.*}} -> tensor<?x16x32x32xf32>
// GENERIC:       "nn.reduce_mean"{{.*}} -> tensor<?x16xf32>
// GENERIC:       "nn.linear"{{.*}} -> tensor<?x10xf32>
// GENERIC:       "nn.reduce_mean"{{.*}} -> tensor<?x16xf32>
// GENERIC:       "nn.linear"{{.*}} -> tensor<?x10xf32>
// GENERIC-LABEL: sym_name = "training_forward"
// GENERIC:       "nn.batch_norm"{{.*}}training = true{{.*}} -> (tensor<?x16x32x32xf32>, tensor<16xf32>, tensor<16xf32>)
// GENERIC-LABEL: sym_name = "loss"
// GENERIC:       "nn.softmax_cross_entropy"{{.*}} -> tensor<f32>
// GENERIC:       "nn.add"{{.*}} -> tensor<f32>
