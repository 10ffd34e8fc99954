// RUN: nnc-opt %s -split-input-file --nn-autodiff=function=f | FileCheck %s

// Each loss is Σ y · g with an input g: the cotangent of y is exactly %g.

// Tests that reduce_sum without keep_dims reshapes the cotangent to the
// keep-dims shape and spreads it over x with expand_as.
// CHECK-LABEL: func.func @f_grad(
// CHECK-SAME: %[[X:.*]]: tensor<2x3x4xf32> {nn.param}, %[[G:.*]]: tensor<2x4xf32>)
// CHECK: %[[KEPT:.*]] = nn.reshape %[[G]] : tensor<2x4xf32> -> tensor<2x1x4xf32>
// CHECK: %[[DX:.*]] = nn.expand_as %[[KEPT]], %[[X]] : tensor<2x1x4xf32>, tensor<2x3x4xf32>
// CHECK: return %{{.*}}, %[[DX]]
func.func @f(%x: tensor<2x3x4xf32> {nn.param}, %g: tensor<2x4xf32>) -> tensor<f32> {
  %y = nn.reduce_sum %x {axes = array<i64: 1>} : tensor<2x3x4xf32>
  %p = nn.mul %y, %g : tensor<2x4xf32>, tensor<2x4xf32>
  %l = nn.reduce_sum %p : tensor<2x4xf32>
  return %l : tensor<f32>
}

// -----

// Tests that reduce_mean with keep_dims scales by 1 / the static count of
// the reduced elements (2 · 4) before spreading.
// CHECK-LABEL: func.func @f_grad(
// CHECK-SAME: %[[X:.*]]: tensor<2x3x4xf32> {nn.param}, %[[G:.*]]: tensor<1x3x1xf32>)
// CHECK: %[[INV:.*]] = arith.constant dense<1.250000e-01> : tensor<f32>
// CHECK: %[[SCALED:.*]] = nn.mul %[[G]], %[[INV]] : tensor<1x3x1xf32>, tensor<f32>
// CHECK: %[[DX:.*]] = nn.expand_as %[[SCALED]], %[[X]]
// CHECK: return %{{.*}}, %[[DX]]
func.func @f(%x: tensor<2x3x4xf32> {nn.param}, %g: tensor<1x3x1xf32>) -> tensor<f32> {
  %y = nn.reduce_mean %x {axes = array<i64: 0, -1>, keep_dims = true} : tensor<2x3x4xf32>
  %p = nn.mul %y, %g : tensor<1x3x1xf32>, tensor<1x3x1xf32>
  %l = nn.reduce_sum %p : tensor<1x3x1xf32>
  return %l : tensor<f32>
}

// -----

// Tests that the mean over a dynamic batch counts the elements at run time
// by summing ones spread over x.
// CHECK-LABEL: func.func @f_grad(
// CHECK-SAME: %[[X:.*]]: tensor<?x3xf32>, %[[W:.*]]: tensor<3xf32> {nn.param})
// CHECK-DAG: %[[ONE:.*]] = arith.constant dense<1.000000e+00> : tensor<f32>
// CHECK: %[[Y:.*]] = nn.mul %[[X]], %[[W]]
// CHECK: %[[ONES:.*]] = nn.expand_as %[[ONE]], %[[Y]] : tensor<f32>, tensor<?x3xf32>
// CHECK: %[[N:.*]] = nn.reduce_sum %[[ONES]] {axes = array<i64: 0, 1>, keep_dims = true} : tensor<?x3xf32>
// CHECK: nn.div %{{.*}}, %[[N]] : tensor<1x1xf32>, tensor<1x1xf32>
func.func @f(%x: tensor<?x3xf32>, %w: tensor<3xf32> {nn.param}) -> tensor<f32> {
  %y = nn.mul %x, %w : tensor<?x3xf32>, tensor<3xf32>
  %l = nn.reduce_mean %y : tensor<?x3xf32>
  return %l : tensor<f32>
}

// -----

// Tests that reduce_max routes the cotangent to the positions equal to the
// (reused) maximum, split evenly among ties.
// CHECK-LABEL: func.func @f_grad(
// CHECK-SAME: %[[X:.*]]: tensor<3x4xf32> {nn.param}, %[[G:.*]]: tensor<3xf32>)
// CHECK: %[[Y:.*]] = nn.reduce_max %[[X]] {axes = array<i64: 1>}
// CHECK: %[[YK:.*]] = nn.reshape %[[Y]] : tensor<3xf32> -> tensor<3x1xf32>
// CHECK: %[[WIN:.*]] = nn.compare %[[X]], %[[YK]] {predicate = "eq"}
// CHECK: %[[IND:.*]] = nn.select %[[WIN]], %{{.*}}, %{{.*}} : tensor<3x4xi1>, tensor<f32>, tensor<f32>
// CHECK: %[[TIES:.*]] = nn.reduce_sum %[[IND]] {axes = array<i64: 1>, keep_dims = true}
// CHECK: %[[GK:.*]] = nn.reshape %[[G]] : tensor<3xf32> -> tensor<3x1xf32>
// CHECK: %[[SHARE:.*]] = nn.div %[[GK]], %[[TIES]]
// CHECK: %[[DX:.*]] = nn.select %[[WIN]], %[[SHARE]], %{{.*}}
// CHECK: return %{{.*}}, %[[DX]]
func.func @f(%x: tensor<3x4xf32> {nn.param}, %g: tensor<3xf32>) -> tensor<f32> {
  %y = nn.reduce_max %x {axes = array<i64: 1>} : tensor<3x4xf32>
  %p = nn.mul %y, %g : tensor<3xf32>, tensor<3xf32>
  %l = nn.reduce_sum %p : tensor<3xf32>
  return %l : tensor<f32>
}

// -----

// Tests that reshape, transpose and broadcast_to move the cotangent back:
// a reshape to x's shape, the inverse permutation, a sum over the
// broadcast axes.
// CHECK-LABEL: func.func @f_grad(
// CHECK-SAME: %[[X:.*]]: tensor<2x3x4xf32> {nn.param}, %[[B:.*]]: tensor<4xf32> {nn.param}, %[[G:.*]]: tensor<3x2x4xf32>)
// CHECK-DAG: %[[DT:.*]] = nn.transpose %[[G]] {permutation = array<i64: 1, 0, 2>}
// CHECK-DAG: %[[DB:.*]] = nn.reduce_sum %[[G]] {axes = array<i64: 0, 1>}
// CHECK: return %{{.*}}, %[[DT]], %[[DB]]
func.func @f(%x: tensor<2x3x4xf32> {nn.param}, %b: tensor<4xf32> {nn.param}, %g: tensor<3x2x4xf32>) -> tensor<f32> {
  %r = nn.reshape %x : tensor<2x3x4xf32> -> tensor<6x4xf32>
  %s = nn.reshape %r : tensor<6x4xf32> -> tensor<2x3x4xf32>
  %t = nn.transpose %s {permutation = array<i64: 1, 0, 2>} : tensor<2x3x4xf32>
  %bb = nn.broadcast_to %b : tensor<4xf32> -> tensor<3x2x4xf32>
  %y = nn.add %t, %bb : tensor<3x2x4xf32>, tensor<3x2x4xf32>
  %p = nn.mul %y, %g : tensor<3x2x4xf32>, tensor<3x2x4xf32>
  %l = nn.reduce_sum %p : tensor<3x2x4xf32>
  return %l : tensor<f32>
}

// -----

// Tests that concat's gradient slices the cotangent along the axis, one
// slice per input at its offset.
// CHECK-LABEL: func.func @f_grad(
// CHECK-SAME: %[[A:.*]]: tensor<2x3xf32> {nn.param}, %[[B:.*]]: tensor<2x5xf32> {nn.param}, %[[G:.*]]: tensor<2x8xf32>)
// CHECK-DAG: %[[DA:.*]] = nn.slice %[[G]] {axis = 1 : i64, size = 3 : i64, start = 0 : i64}
// CHECK-DAG: %[[DB:.*]] = nn.slice %[[G]] {axis = 1 : i64, size = 5 : i64, start = 3 : i64}
// CHECK: return %{{.*}}, %[[DA]], %[[DB]]
func.func @f(%a: tensor<2x3xf32> {nn.param}, %b: tensor<2x5xf32> {nn.param}, %g: tensor<2x8xf32>) -> tensor<f32> {
  %y = nn.concat %a, %b {axis = -1 : i64} : tensor<2x3xf32>, tensor<2x5xf32>
  %p = nn.mul %y, %g : tensor<2x8xf32>, tensor<2x8xf32>
  %l = nn.reduce_sum %p : tensor<2x8xf32>
  return %l : tensor<f32>
}
