// RUN: nnc-opt %s -split-input-file | nnc-opt -split-input-file | FileCheck %s

// Tests that the reductions round-trip over some or all axes.
// CHECK-LABEL: func.func @reduce(
// CHECK-SAME: %[[X:.*]]: tensor<?x10x4xf32>
func.func @reduce(%x: tensor<?x10x4xf32>) -> (tensor<?x4xf32>, tensor<?x10x1xf32>, tensor<f32>) {
  // CHECK: nn.reduce_sum %[[X]] {axes = array<i64: 1>} : tensor<?x10x4xf32>
  // CHECK: nn.reduce_mean %[[X]] {axes = array<i64: -1>, keep_dims = true} : tensor<?x10x4xf32>
  // CHECK: nn.reduce_max %[[X]] : tensor<?x10x4xf32>
  %0 = nn.reduce_sum %x {axes = array<i64: 1>, keep_dims = false} : tensor<?x10x4xf32>
  %1 = nn.reduce_mean %x {axes = array<i64: -1>, keep_dims = true} : tensor<?x10x4xf32>
  %2 = nn.reduce_max %x : tensor<?x10x4xf32>
  return %0, %1, %2 : tensor<?x4xf32>, tensor<?x10x1xf32>, tensor<f32>
}

// -----

// Tests that reshape round-trips with a dynamic batch and on static shapes.
// CHECK-LABEL: func.func @reshape(
// CHECK-SAME: %[[X:.*]]: tensor<?x16x5x5xf32>, %[[S:.*]]: tensor<2x3x4xi64>
func.func @reshape(%x: tensor<?x16x5x5xf32>, %s: tensor<2x3x4xi64>) -> (tensor<?x400xf32>, tensor<24xi64>) {
  // CHECK: nn.reshape %[[X]] : tensor<?x16x5x5xf32> -> tensor<?x400xf32>
  // CHECK: nn.reshape %[[S]] : tensor<2x3x4xi64> -> tensor<24xi64>
  %0 = nn.reshape %x : tensor<?x16x5x5xf32> -> tensor<?x400xf32>
  %1 = nn.reshape %s : tensor<2x3x4xi64> -> tensor<24xi64>
  return %0, %1 : tensor<?x400xf32>, tensor<24xi64>
}

// -----

// Tests that broadcast_to round-trips to a larger and a dynamic shape.
// CHECK-LABEL: func.func @broadcast_to(
// CHECK-SAME: %[[X:.*]]: tensor<10xf32>, %[[Y:.*]]: tensor<4x1xi1>
func.func @broadcast_to(%x: tensor<10xf32>, %y: tensor<4x1xi1>) -> (tensor<?x10xf32>, tensor<2x4x3xi1>) {
  // CHECK: nn.broadcast_to %[[X]] : tensor<10xf32> -> tensor<?x10xf32>
  // CHECK: nn.broadcast_to %[[Y]] : tensor<4x1xi1> -> tensor<2x4x3xi1>
  %0 = nn.broadcast_to %x : tensor<10xf32> -> tensor<?x10xf32>
  %1 = nn.broadcast_to %y : tensor<4x1xi1> -> tensor<2x4x3xi1>
  return %0, %1 : tensor<?x10xf32>, tensor<2x4x3xi1>
}

// -----

// Tests that transpose round-trips its permutation.
// CHECK-LABEL: func.func @transpose(
// CHECK-SAME: %[[X:.*]]: tensor<?x3x32x32xf32>
func.func @transpose(%x: tensor<?x3x32x32xf32>) -> tensor<?x32x32x3xf32> {
  // CHECK: %[[Y:.*]] = nn.transpose %[[X]] {permutation = array<i64: 0, 2, 3, 1>} : tensor<?x3x32x32xf32>
  // CHECK: return %[[Y]] : tensor<?x32x32x3xf32>
  %0 = nn.transpose %x {permutation = array<i64: 0, 2, 3, 1>} : tensor<?x3x32x32xf32>
  return %0 : tensor<?x32x32x3xf32>
}

// -----

// Tests that concat round-trips one or more inputs.
// CHECK-LABEL: func.func @concat(
// CHECK-SAME: %[[A:.*]]: tensor<?x16x8x8xf32>, %[[B:.*]]: tensor<?x8x8x8xf32>
func.func @concat(%a: tensor<?x16x8x8xf32>, %b: tensor<?x8x8x8xf32>) -> (tensor<?x40x8x8xf32>, tensor<?x16x8x8xf32>) {
  // CHECK: nn.concat %[[A]], %[[B]], %[[A]] {axis = 1 : i64} : tensor<?x16x8x8xf32>, tensor<?x8x8x8xf32>, tensor<?x16x8x8xf32>
  // CHECK: nn.concat %[[A]] {axis = -1 : i64} : tensor<?x16x8x8xf32>
  %0 = nn.concat %a, %b, %a {axis = 1 : i64} : tensor<?x16x8x8xf32>, tensor<?x8x8x8xf32>, tensor<?x16x8x8xf32>
  %1 = nn.concat %a {axis = -1 : i64} : tensor<?x16x8x8xf32>
  return %0, %1 : tensor<?x40x8x8xf32>, tensor<?x16x8x8xf32>
}
