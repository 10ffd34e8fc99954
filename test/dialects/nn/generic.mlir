// RUN: nnc-opt %s -split-input-file | FileCheck %s
// RUN: nnc-opt %s -split-input-file --mlir-print-op-generic | FileCheck %s --check-prefix=GENERIC
// RUN: nnc-opt %s -split-input-file | nnc-opt -split-input-file --mlir-print-op-generic | FileCheck %s --check-prefix=GENERIC

// Models are often written in generic form with NN_IR.md's attribute names.
// Every attribute below has a non-default value; the custom printer keeps it
// and the generic printer (directly or after a custom round trip) gives it
// back under the same name.

// Tests that the elementwise ops parse from generic form.
// CHECK-LABEL: func.func @elementwise(
// CHECK-SAME: %[[X:.*]]: tensor<?x16x4x4xf32>, %[[C:.*]]: tensor<16xf32>, %[[V:.*]]: tensor<4xf32>
// CHECK: nn.relu %[[X]] : tensor<?x16x4x4xf32>
// CHECK: nn.sigmoid %[[X]] : tensor<?x16x4x4xf32>
// CHECK: nn.tanh %[[X]] : tensor<?x16x4x4xf32>
// CHECK: nn.exp %[[X]] : tensor<?x16x4x4xf32>
// CHECK: nn.log %[[X]] : tensor<?x16x4x4xf32>
// CHECK: nn.neg %[[X]] : tensor<?x16x4x4xf32>
// CHECK: nn.sqrt %[[X]] : tensor<?x16x4x4xf32>
// CHECK: nn.rsqrt %[[X]] : tensor<?x16x4x4xf32>
// CHECK: nn.abs %[[X]] : tensor<?x16x4x4xf32>
// CHECK: nn.leaky_relu %[[X]] {alpha = 1.000000e-01 : f32} : tensor<?x16x4x4xf32>
// CHECK: nn.prelu %[[X]], %[[C]] : tensor<?x16x4x4xf32>, tensor<16xf32>
// CHECK: nn.add %[[X]], %[[V]] : tensor<?x16x4x4xf32>, tensor<4xf32>
// CHECK: nn.sub %[[X]], %[[V]] : tensor<?x16x4x4xf32>, tensor<4xf32>
// CHECK: nn.mul %[[X]], %[[V]] : tensor<?x16x4x4xf32>, tensor<4xf32>
// CHECK: nn.div %[[X]], %[[V]] : tensor<?x16x4x4xf32>, tensor<4xf32>
// CHECK: nn.maximum %[[X]], %[[V]] : tensor<?x16x4x4xf32>, tensor<4xf32>
// CHECK: nn.minimum %[[X]], %[[V]] : tensor<?x16x4x4xf32>, tensor<4xf32>
// CHECK: nn.pow %[[X]], %[[V]] : tensor<?x16x4x4xf32>, tensor<4xf32>
// CHECK: nn.bias_add %[[X]], %[[V]] {axis = 3 : i64} : tensor<?x16x4x4xf32>, tensor<4xf32>
// GENERIC-LABEL: sym_name = "elementwise"
// GENERIC: "nn.relu"(%{{.*}}) : (tensor<?x16x4x4xf32>) -> tensor<?x16x4x4xf32>
// GENERIC: "nn.sigmoid"
// GENERIC: "nn.tanh"
// GENERIC: "nn.exp"
// GENERIC: "nn.log"
// GENERIC: "nn.neg"
// GENERIC: "nn.sqrt"
// GENERIC: "nn.rsqrt"
// GENERIC: "nn.abs"
// GENERIC: "nn.leaky_relu"(%{{.*}}) {alpha = 1.000000e-01 : f32} : (tensor<?x16x4x4xf32>) -> tensor<?x16x4x4xf32>
// GENERIC: "nn.prelu"(%{{.*}}, %{{.*}}) : (tensor<?x16x4x4xf32>, tensor<16xf32>) -> tensor<?x16x4x4xf32>
// GENERIC: "nn.add"(%{{.*}}, %{{.*}}) : (tensor<?x16x4x4xf32>, tensor<4xf32>) -> tensor<?x16x4x4xf32>
// GENERIC: "nn.sub"
// GENERIC: "nn.mul"
// GENERIC: "nn.div"
// GENERIC: "nn.maximum"
// GENERIC: "nn.minimum"
// GENERIC: "nn.pow"
// GENERIC: "nn.bias_add"(%{{.*}}, %{{.*}}) {axis = 3 : i64} : (tensor<?x16x4x4xf32>, tensor<4xf32>) -> tensor<?x16x4x4xf32>
func.func @elementwise(%x: tensor<?x16x4x4xf32>, %c: tensor<16xf32>, %v: tensor<4xf32>) {
  %0 = "nn.relu"(%x) : (tensor<?x16x4x4xf32>) -> tensor<?x16x4x4xf32>
  %1 = "nn.sigmoid"(%x) : (tensor<?x16x4x4xf32>) -> tensor<?x16x4x4xf32>
  %2 = "nn.tanh"(%x) : (tensor<?x16x4x4xf32>) -> tensor<?x16x4x4xf32>
  %3 = "nn.exp"(%x) : (tensor<?x16x4x4xf32>) -> tensor<?x16x4x4xf32>
  %4 = "nn.log"(%x) : (tensor<?x16x4x4xf32>) -> tensor<?x16x4x4xf32>
  %5 = "nn.neg"(%x) : (tensor<?x16x4x4xf32>) -> tensor<?x16x4x4xf32>
  %6 = "nn.sqrt"(%x) : (tensor<?x16x4x4xf32>) -> tensor<?x16x4x4xf32>
  %7 = "nn.rsqrt"(%x) : (tensor<?x16x4x4xf32>) -> tensor<?x16x4x4xf32>
  %8 = "nn.abs"(%x) : (tensor<?x16x4x4xf32>) -> tensor<?x16x4x4xf32>
  %9 = "nn.leaky_relu"(%x) {alpha = 0.1 : f32} : (tensor<?x16x4x4xf32>) -> tensor<?x16x4x4xf32>
  %10 = "nn.prelu"(%x, %c) : (tensor<?x16x4x4xf32>, tensor<16xf32>) -> tensor<?x16x4x4xf32>
  %11 = "nn.add"(%x, %v) : (tensor<?x16x4x4xf32>, tensor<4xf32>) -> tensor<?x16x4x4xf32>
  %12 = "nn.sub"(%x, %v) : (tensor<?x16x4x4xf32>, tensor<4xf32>) -> tensor<?x16x4x4xf32>
  %13 = "nn.mul"(%x, %v) : (tensor<?x16x4x4xf32>, tensor<4xf32>) -> tensor<?x16x4x4xf32>
  %14 = "nn.div"(%x, %v) : (tensor<?x16x4x4xf32>, tensor<4xf32>) -> tensor<?x16x4x4xf32>
  %15 = "nn.maximum"(%x, %v) : (tensor<?x16x4x4xf32>, tensor<4xf32>) -> tensor<?x16x4x4xf32>
  %16 = "nn.minimum"(%x, %v) : (tensor<?x16x4x4xf32>, tensor<4xf32>) -> tensor<?x16x4x4xf32>
  %17 = "nn.pow"(%x, %v) : (tensor<?x16x4x4xf32>, tensor<4xf32>) -> tensor<?x16x4x4xf32>
  %18 = "nn.bias_add"(%x, %v) {axis = 3 : i64} : (tensor<?x16x4x4xf32>, tensor<4xf32>) -> tensor<?x16x4x4xf32>
  return
}

// -----

// Tests that matmul, linear, conv2d and the pooling ops parse from generic form.
// CHECK-LABEL: func.func @layers(
// CHECK-SAME: %[[A:.*]]: tensor<3x8x4xf32>, %[[B:.*]]: tensor<3x5x8xf32>, %[[X:.*]]: tensor<?x784xf32>, %[[W:.*]]: tensor<10x784xf32>, %[[I:.*]]: tensor<?x4x32x32xf32>, %[[F:.*]]: tensor<16x2x3x3xf32>
// CHECK: nn.matmul %[[A]], %[[B]] {transpose_a = true, transpose_b = true} : tensor<3x8x4xf32>, tensor<3x5x8xf32>
// CHECK: nn.linear %[[X]], %[[W]] : tensor<?x784xf32>, tensor<10x784xf32>
// CHECK: nn.conv2d %[[I]], %[[F]] {dilations = array<i64: 2, 2>, groups = 2 : i64, padding = array<i64: 1, 2, 3, 4>, strides = array<i64: 2, 3>} : tensor<?x4x32x32xf32>, tensor<16x2x3x3xf32>
// CHECK: nn.max_pool2d %[[I]] {kernel = array<i64: 3, 3>, padding = array<i64: 1, 0, 1, 1>, strides = array<i64: 2, 1>} : tensor<?x4x32x32xf32>
// CHECK: nn.avg_pool2d %[[I]] {count_include_pad = true, kernel = array<i64: 2, 4>, padding = array<i64: 1, 2, 0, 1>, strides = array<i64: 1, 2>} : tensor<?x4x32x32xf32>
// CHECK: nn.lp_pool2d %[[I]] {kernel = array<i64: 2, 2>, p = 1.000000e+00 : f32, padding = array<i64: 1, 1, 1, 1>, strides = array<i64: 3, 3>} : tensor<?x4x32x32xf32>
// GENERIC-LABEL: sym_name = "layers"
// GENERIC: "nn.matmul"(%{{.*}}, %{{.*}}) {transpose_a = true, transpose_b = true} : (tensor<3x8x4xf32>, tensor<3x5x8xf32>) -> tensor<3x4x5xf32>
// GENERIC: "nn.linear"(%{{.*}}, %{{.*}}) : (tensor<?x784xf32>, tensor<10x784xf32>) -> tensor<?x10xf32>
// GENERIC: "nn.conv2d"(%{{.*}}, %{{.*}}) {dilations = array<i64: 2, 2>, groups = 2 : i64, padding = array<i64: 1, 2, 3, 4>, strides = array<i64: 2, 3>} : (tensor<?x4x32x32xf32>, tensor<16x2x3x3xf32>) -> tensor<?x16x16x12xf32>
// GENERIC: "nn.max_pool2d"(%{{.*}}) {kernel = array<i64: 3, 3>, padding = array<i64: 1, 0, 1, 1>, strides = array<i64: 2, 1>} : (tensor<?x4x32x32xf32>) -> tensor<?x4x16x31xf32>
// GENERIC: "nn.avg_pool2d"(%{{.*}}) {count_include_pad = true, kernel = array<i64: 2, 4>, padding = array<i64: 1, 2, 0, 1>, strides = array<i64: 1, 2>} : (tensor<?x4x32x32xf32>) -> tensor<?x4x32x16xf32>
// GENERIC: "nn.lp_pool2d"(%{{.*}}) {kernel = array<i64: 2, 2>, p = 1.000000e+00 : f32, padding = array<i64: 1, 1, 1, 1>, strides = array<i64: 3, 3>} : (tensor<?x4x32x32xf32>) -> tensor<?x4x11x11xf32>
func.func @layers(%a: tensor<3x8x4xf32>, %b: tensor<3x5x8xf32>, %x: tensor<?x784xf32>, %w: tensor<10x784xf32>, %i: tensor<?x4x32x32xf32>, %f: tensor<16x2x3x3xf32>) {
  %0 = "nn.matmul"(%a, %b) {transpose_a = true, transpose_b = true} : (tensor<3x8x4xf32>, tensor<3x5x8xf32>) -> tensor<3x4x5xf32>
  %1 = "nn.linear"(%x, %w) : (tensor<?x784xf32>, tensor<10x784xf32>) -> tensor<?x10xf32>
  %2 = "nn.conv2d"(%i, %f) {strides = array<i64: 2, 3>, padding = array<i64: 1, 2, 3, 4>, dilations = array<i64: 2, 2>, groups = 2 : i64} : (tensor<?x4x32x32xf32>, tensor<16x2x3x3xf32>) -> tensor<?x16x16x12xf32>
  %3 = "nn.max_pool2d"(%i) {kernel = array<i64: 3, 3>, strides = array<i64: 2, 1>, padding = array<i64: 1, 0, 1, 1>} : (tensor<?x4x32x32xf32>) -> tensor<?x4x16x31xf32>
  %4 = "nn.avg_pool2d"(%i) {kernel = array<i64: 2, 4>, strides = array<i64: 1, 2>, padding = array<i64: 1, 2, 0, 1>, count_include_pad = true} : (tensor<?x4x32x32xf32>) -> tensor<?x4x32x16xf32>
  %5 = "nn.lp_pool2d"(%i) {kernel = array<i64: 2, 2>, strides = array<i64: 3, 3>, padding = array<i64: 1, 1, 1, 1>, p = 1.0 : f32} : (tensor<?x4x32x32xf32>) -> tensor<?x4x11x11xf32>
  return
}

// -----

// Tests that batch_norm, dropout, lrn and the softmaxes parse from generic form.
// CHECK-LABEL: func.func @norm(
// CHECK-SAME: %[[X:.*]]: tensor<?x16x8x8xf32>, %[[C:.*]]: tensor<16xf32>, %[[S:.*]]: tensor<i64>
// CHECK: nn.batch_norm %[[X]], %[[C]], %[[C]], %[[C]], %[[C]] {epsilon = 1.000000e-03 : f32, momentum = 2.000000e-01 : f32, training = true} : tensor<?x16x8x8xf32>, tensor<16xf32>, tensor<16xf32>, tensor<16xf32>, tensor<16xf32>
// CHECK: nn.dropout %[[X]], %[[S]] {rate = 1.000000e-01 : f32, training = true} : tensor<?x16x8x8xf32>, tensor<i64>
// CHECK: nn.lrn %[[X]] {alpha = 1.000000e-03 : f32, beta = 5.000000e-01 : f32, bias = 2.000000e+00 : f32, size = 3 : i64} : tensor<?x16x8x8xf32>
// CHECK: nn.softmax %[[X]] {axis = 1 : i64} : tensor<?x16x8x8xf32>
// CHECK: nn.log_softmax %[[X]] {axis = -3 : i64} : tensor<?x16x8x8xf32>
// GENERIC-LABEL: sym_name = "norm"
// GENERIC: "nn.batch_norm"(%{{.*}}, %{{.*}}, %{{.*}}, %{{.*}}, %{{.*}}) {epsilon = 1.000000e-03 : f32, momentum = 2.000000e-01 : f32, training = true} : (tensor<?x16x8x8xf32>, tensor<16xf32>, tensor<16xf32>, tensor<16xf32>, tensor<16xf32>) -> (tensor<?x16x8x8xf32>, tensor<16xf32>, tensor<16xf32>)
// GENERIC: "nn.dropout"(%{{.*}}, %{{.*}}) {rate = 1.000000e-01 : f32, training = true} : (tensor<?x16x8x8xf32>, tensor<i64>) -> tensor<?x16x8x8xf32>
// GENERIC: "nn.lrn"(%{{.*}}) {alpha = 1.000000e-03 : f32, beta = 5.000000e-01 : f32, bias = 2.000000e+00 : f32, size = 3 : i64} : (tensor<?x16x8x8xf32>) -> tensor<?x16x8x8xf32>
// GENERIC: "nn.softmax"(%{{.*}}) {axis = 1 : i64} : (tensor<?x16x8x8xf32>) -> tensor<?x16x8x8xf32>
// GENERIC: "nn.log_softmax"(%{{.*}}) {axis = -3 : i64} : (tensor<?x16x8x8xf32>) -> tensor<?x16x8x8xf32>
func.func @norm(%x: tensor<?x16x8x8xf32>, %c: tensor<16xf32>, %seed: tensor<i64>) {
  %0:3 = "nn.batch_norm"(%x, %c, %c, %c, %c) {epsilon = 1.0e-3 : f32, momentum = 0.2 : f32, training = true} : (tensor<?x16x8x8xf32>, tensor<16xf32>, tensor<16xf32>, tensor<16xf32>, tensor<16xf32>) -> (tensor<?x16x8x8xf32>, tensor<16xf32>, tensor<16xf32>)
  %1 = "nn.dropout"(%x, %seed) {rate = 0.1 : f32, training = true} : (tensor<?x16x8x8xf32>, tensor<i64>) -> tensor<?x16x8x8xf32>
  %2 = "nn.lrn"(%x) {size = 3 : i64, alpha = 1.0e-3 : f32, beta = 0.5 : f32, bias = 2.0 : f32} : (tensor<?x16x8x8xf32>) -> tensor<?x16x8x8xf32>
  %3 = "nn.softmax"(%x) {axis = 1 : i64} : (tensor<?x16x8x8xf32>) -> tensor<?x16x8x8xf32>
  %4 = "nn.log_softmax"(%x) {axis = -3 : i64} : (tensor<?x16x8x8xf32>) -> tensor<?x16x8x8xf32>
  return
}

// -----

// Tests that the reductions and data movement ops parse from generic form.
// CHECK-LABEL: func.func @shape(
// CHECK-SAME: %[[X:.*]]: tensor<?x16x5x5xf32>, %[[V:.*]]: tensor<5xf32>
// CHECK: nn.reduce_sum %[[X]] {axes = array<i64: 1, -1>, keep_dims = true} : tensor<?x16x5x5xf32>
// CHECK: nn.reduce_mean %[[X]] {axes = array<i64: 2>, keep_dims = true} : tensor<?x16x5x5xf32>
// CHECK: nn.reduce_max %[[X]] {axes = array<i64: 0>, keep_dims = true} : tensor<?x16x5x5xf32>
// CHECK: nn.reshape %[[X]] : tensor<?x16x5x5xf32> -> tensor<?x400xf32>
// CHECK: nn.broadcast_to %[[V]] : tensor<5xf32> -> tensor<?x16x5x5xf32>
// CHECK: nn.transpose %[[X]] {permutation = array<i64: 0, 2, 3, 1>} : tensor<?x16x5x5xf32>
// CHECK: nn.concat %[[X]], %[[X]] {axis = 2 : i64} : tensor<?x16x5x5xf32>, tensor<?x16x5x5xf32>
// GENERIC-LABEL: sym_name = "shape"
// GENERIC: "nn.reduce_sum"(%{{.*}}) {axes = array<i64: 1, -1>, keep_dims = true} : (tensor<?x16x5x5xf32>) -> tensor<?x1x5x1xf32>
// GENERIC: "nn.reduce_mean"(%{{.*}}) {axes = array<i64: 2>, keep_dims = true} : (tensor<?x16x5x5xf32>) -> tensor<?x16x1x5xf32>
// GENERIC: "nn.reduce_max"(%{{.*}}) {axes = array<i64: 0>, keep_dims = true} : (tensor<?x16x5x5xf32>) -> tensor<1x16x5x5xf32>
// GENERIC: "nn.reshape"(%{{.*}}) : (tensor<?x16x5x5xf32>) -> tensor<?x400xf32>
// GENERIC: "nn.broadcast_to"(%{{.*}}) : (tensor<5xf32>) -> tensor<?x16x5x5xf32>
// GENERIC: "nn.transpose"(%{{.*}}) {permutation = array<i64: 0, 2, 3, 1>} : (tensor<?x16x5x5xf32>) -> tensor<?x5x5x16xf32>
// GENERIC: "nn.concat"(%{{.*}}, %{{.*}}) {axis = 2 : i64} : (tensor<?x16x5x5xf32>, tensor<?x16x5x5xf32>) -> tensor<?x16x10x5xf32>
func.func @shape(%x: tensor<?x16x5x5xf32>, %v: tensor<5xf32>) {
  %0 = "nn.reduce_sum"(%x) {axes = array<i64: 1, -1>, keep_dims = true} : (tensor<?x16x5x5xf32>) -> tensor<?x1x5x1xf32>
  %1 = "nn.reduce_mean"(%x) {axes = array<i64: 2>, keep_dims = true} : (tensor<?x16x5x5xf32>) -> tensor<?x16x1x5xf32>
  %2 = "nn.reduce_max"(%x) {axes = array<i64: 0>, keep_dims = true} : (tensor<?x16x5x5xf32>) -> tensor<1x16x5x5xf32>
  %3 = "nn.reshape"(%x) : (tensor<?x16x5x5xf32>) -> tensor<?x400xf32>
  %4 = "nn.broadcast_to"(%v) : (tensor<5xf32>) -> tensor<?x16x5x5xf32>
  %5 = "nn.transpose"(%x) {permutation = array<i64: 0, 2, 3, 1>} : (tensor<?x16x5x5xf32>) -> tensor<?x5x5x16xf32>
  %6 = "nn.concat"(%x, %x) {axis = 2 : i64} : (tensor<?x16x5x5xf32>, tensor<?x16x5x5xf32>) -> tensor<?x16x10x5xf32>
  return
}

// -----

// Tests that the losses parse from generic form with every reduction.
// CHECK-LABEL: func.func @losses(
// CHECK-SAME: %[[L:.*]]: tensor<?x10xf32>, %[[I:.*]]: tensor<?xi32>, %[[P:.*]]: tensor<?x1xf32>
// CHECK: nn.softmax_cross_entropy %[[L]], %[[I]] {reduction = "none"} : tensor<?x10xf32>, tensor<?xi32>
// CHECK: nn.binary_cross_entropy %[[P]], %[[P]] {reduction = "sum"} : tensor<?x1xf32>, tensor<?x1xf32>
// CHECK: nn.mse_loss %[[P]], %[[P]] {reduction = "none"} : tensor<?x1xf32>, tensor<?x1xf32>
// GENERIC-LABEL: sym_name = "losses"
// GENERIC: "nn.softmax_cross_entropy"(%{{.*}}, %{{.*}}) {reduction = "none"} : (tensor<?x10xf32>, tensor<?xi32>) -> tensor<?xf32>
// GENERIC: "nn.binary_cross_entropy"(%{{.*}}, %{{.*}}) {reduction = "sum"} : (tensor<?x1xf32>, tensor<?x1xf32>) -> tensor<f32>
// GENERIC: "nn.mse_loss"(%{{.*}}, %{{.*}}) {reduction = "none"} : (tensor<?x1xf32>, tensor<?x1xf32>) -> tensor<?x1xf32>
func.func @losses(%logits: tensor<?x10xf32>, %labels: tensor<?xi32>, %p: tensor<?x1xf32>) {
  %0 = "nn.softmax_cross_entropy"(%logits, %labels) {reduction = "none"} : (tensor<?x10xf32>, tensor<?xi32>) -> tensor<?xf32>
  %1 = "nn.binary_cross_entropy"(%p, %p) {reduction = "sum"} : (tensor<?x1xf32>, tensor<?x1xf32>) -> tensor<f32>
  %2 = "nn.mse_loss"(%p, %p) {reduction = "none"} : (tensor<?x1xf32>, tensor<?x1xf32>) -> tensor<?x1xf32>
  return
}
