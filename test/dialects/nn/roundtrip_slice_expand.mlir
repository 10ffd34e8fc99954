// RUN: nnc-opt %s -split-input-file | nnc-opt -split-input-file | FileCheck %s

// Tests that nn.slice round-trips and infers the sliced size, keeping a
// dynamic batch.
// CHECK-LABEL: func.func @slice(
// CHECK-SAME: %[[X:.*]]: tensor<?x24xf32>
// CHECK: %[[Y:.*]] = nn.slice %[[X]] {axis = 1 : i64, size = 8 : i64, start = 16 : i64} : tensor<?x24xf32>
// CHECK: return %[[Y]] : tensor<?x8xf32>
func.func @slice(%x: tensor<?x24xf32>) -> tensor<?x8xf32> {
  %0 = nn.slice %x {axis = 1 : i64, start = 16 : i64, size = 8 : i64} : tensor<?x24xf32>
  return %0 : tensor<?x8xf32>
}

// -----

// Tests that nn.slice takes negative axes and integer tensors.
// CHECK-LABEL: func.func @slice_negative_axis(
// CHECK: nn.slice %{{.*}} {axis = -1 : i64, size = 2 : i64, start = 0 : i64} : tensor<3x4xi64>
func.func @slice_negative_axis(%x: tensor<3x4xi64>) -> tensor<3x2xi64> {
  %0 = nn.slice %x {axis = -1 : i64, start = 0 : i64, size = 2 : i64} : tensor<3x4xi64>
  return %0 : tensor<3x2xi64>
}

// -----

// Tests that nn.expand_as takes its shape, dynamic batch included, from
// `like` and its element type from `x`.
// CHECK-LABEL: func.func @expand_as(
// CHECK-SAME: %[[G:.*]]: tensor<1x10xf32>, %[[X:.*]]: tensor<?x10xf32>, %[[L:.*]]: tensor<?xi64>
// CHECK: %[[Y:.*]] = nn.expand_as %[[G]], %[[X]] : tensor<1x10xf32>, tensor<?x10xf32>
// CHECK: %[[ONES:.*]] = nn.expand_as %{{.*}}, %[[L]] : tensor<f32>, tensor<?xi64>
// CHECK: return %[[Y]], %[[ONES]] : tensor<?x10xf32>, tensor<?xf32>
func.func @expand_as(%g: tensor<1x10xf32>, %x: tensor<?x10xf32>, %labels: tensor<?xi64>) -> (tensor<?x10xf32>, tensor<?xf32>) {
  %one = arith.constant dense<1.0> : tensor<f32>
  %0 = nn.expand_as %g, %x : tensor<1x10xf32>, tensor<?x10xf32>
  %1 = nn.expand_as %one, %labels : tensor<f32>, tensor<?xi64>
  return %0, %1 : tensor<?x10xf32>, tensor<?xf32>
}
