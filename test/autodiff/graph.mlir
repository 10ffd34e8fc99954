// RUN: nnc-opt %s -split-input-file -verify-diagnostics --nn-autodiff=function=f | FileCheck %s

// Tests that a value used twice (fan-out) sums its two gradients with nn.add:
// d/dw Σ (w · w) · g = g · w + g · w.
// CHECK-LABEL: func.func @f_grad(
// CHECK-SAME: %[[W:.*]]: tensor<3xf32> {nn.param}, %[[G:.*]]: tensor<3xf32>)
// CHECK: %[[GW:.*]] = nn.mul %[[G]], %[[W]]
// CHECK: %[[DW:.*]] = nn.add %[[GW]], %[[GW]]
// CHECK: return %{{.*}}, %[[DW]]
func.func @f(%w: tensor<3xf32> {nn.param}, %g: tensor<3xf32>) -> tensor<f32> {
  %y = nn.mul %w, %w : tensor<3xf32>, tensor<3xf32>
  %p = nn.mul %y, %g : tensor<3xf32>, tensor<3xf32>
  %l = nn.reduce_sum %p : tensor<3xf32>
  return %l : tensor<f32>
}

// -----

// Tests that a weight shared by two layers called through func.call gets
// the sum of both layers' gradients, that the calls are inlined into
// @f_grad only, and that the forward activations are reused.
// CHECK-LABEL: func.func @f(
// CHECK: call @layer
// CHECK: call @layer
// CHECK-LABEL: func.func @f_grad(
// CHECK-SAME: %[[X:.*]]: tensor<?x4xf32>, %[[W:.*]]: tensor<4x4xf32> {nn.param})
// CHECK-NOT: call
// CHECK: %[[Z1:.*]] = nn.linear %[[X]], %[[W]]
// CHECK: %[[H1:.*]] = nn.tanh %[[Z1]]
// CHECK: %[[Z2:.*]] = nn.linear %[[H1]], %[[W]]
// CHECK: %[[H2:.*]] = nn.tanh %[[Z2]]
// CHECK-NOT: nn.tanh
// CHECK-DAG: %[[DW2:.*]] = nn.matmul %{{.*}}, %[[H1]] {transpose_a = true}
// CHECK-DAG: %[[DW1:.*]] = nn.matmul %{{.*}}, %[[X]] {transpose_a = true}
// CHECK: %[[DW:.*]] = nn.add %[[DW2]], %[[DW1]] : tensor<4x4xf32>, tensor<4x4xf32>
// CHECK: return %{{.*}}, %[[DW]]
func.func @layer(%x: tensor<?x4xf32>, %w: tensor<4x4xf32>) -> tensor<?x4xf32> {
  %z = nn.linear %x, %w : tensor<?x4xf32>, tensor<4x4xf32>
  %h = nn.tanh %z : tensor<?x4xf32>
  return %h : tensor<?x4xf32>
}
func.func @f(%x: tensor<?x4xf32>, %w: tensor<4x4xf32> {nn.param}) -> tensor<f32> {
  %h1 = call @layer(%x, %w) : (tensor<?x4xf32>, tensor<4x4xf32>) -> tensor<?x4xf32>
  %h2 = call @layer(%h1, %w) : (tensor<?x4xf32>, tensor<4x4xf32>) -> tensor<?x4xf32>
  %l = nn.reduce_sum %h2 : tensor<?x4xf32>
  return %l : tensor<f32>
}

// -----

// Tests that two heads summed into one loss each send their gradient back
// and the trunk accumulates both: d/dh = a + b / 3.
// CHECK-LABEL: func.func @f_grad(
// CHECK-SAME: %[[W:.*]]: tensor<3xf32> {nn.param}, %[[A:.*]]: tensor<3xf32> {nn.param}, %[[B:.*]]: tensor<3xf32> {nn.param})
// CHECK-SAME: -> (tensor<f32>, tensor<3xf32>, tensor<3xf32>, tensor<3xf32>)
// CHECK-DAG: %[[THIRD:.*]] = arith.constant dense<0.333333343> : tensor<3xf32>
// CHECK: %[[H:.*]] = nn.exp %[[W]]
// CHECK: %[[DH2:.*]] = nn.mul %[[B]], %[[THIRD]]
// CHECK: %[[DH:.*]] = nn.add %[[DH2]], %[[A]] : tensor<3xf32>, tensor<3xf32>
// CHECK: %[[DW:.*]] = nn.mul %[[DH]], %[[H]]
// CHECK: return %{{.*}}, %[[DW]], %{{.*}}, %{{.*}}
func.func @f(%w: tensor<3xf32> {nn.param}, %a: tensor<3xf32> {nn.param}, %b: tensor<3xf32> {nn.param}) -> tensor<f32> {
  %h = nn.exp %w : tensor<3xf32>
  %y1 = nn.mul %h, %a : tensor<3xf32>, tensor<3xf32>
  %y2 = nn.mul %h, %b : tensor<3xf32>, tensor<3xf32>
  %l1 = nn.reduce_sum %y1 : tensor<3xf32>
  %l2 = nn.reduce_mean %y2 : tensor<3xf32>
  %l = nn.add %l1, %l2 : tensor<f32>, tensor<f32>
  return %l : tensor<f32>
}

// -----

// Tests that a branch that does not reach the loss is pruned and that a
// param used only there gets a zero gradient and a warning.
// CHECK-LABEL: func.func @f_grad(
// CHECK-SAME: %[[W:.*]]: tensor<3xf32> {nn.param}, %[[V:.*]]: tensor<3xf32> {nn.param})
// CHECK-DAG: %[[ZEROS:.*]] = arith.constant dense<0.000000e+00> : tensor<3xf32>
// CHECK-NOT: nn.sigmoid
// CHECK-NOT: nn.log
// CHECK: return %{{.*}}, %{{.*}}, %[[ZEROS]] : tensor<f32>, tensor<3xf32>, tensor<3xf32>
// expected-warning @+1 {{parameter #1 (argument #1) of @f does not reach the loss; its gradient is zero}}
func.func @f(%w: tensor<3xf32> {nn.param}, %v: tensor<3xf32> {nn.param}) -> tensor<f32> {
  %dead = nn.sigmoid %w : tensor<3xf32>
  %dead2 = nn.log %v : tensor<3xf32>
  %l = nn.reduce_sum %w : tensor<3xf32>
  return %l : tensor<f32>
}

// -----

// Tests that non-differentiable inputs take no part: integer labels and a
// float input that no param reaches get no gradient, and the ops computed
// only from inputs (the normalization of x) get no backward ops.
// CHECK-LABEL: func.func @f_grad(
// CHECK-SAME: %[[X:.*]]: tensor<?x3xf32>, %[[L:.*]]: tensor<?xi64>, %[[W:.*]]: tensor<4x3xf32> {nn.param})
// CHECK-SAME: -> (tensor<f32>, tensor<4x3xf32>)
// CHECK: %[[S:.*]] = nn.sigmoid %[[X]]
// CHECK-NOT: nn.mul %{{.*}}, %[[S]]
// CHECK: nn.matmul %{{.*}}, %[[S]] {transpose_a = true}
func.func @f(%x: tensor<?x3xf32>, %labels: tensor<?xi64>, %w: tensor<4x3xf32> {nn.param}) -> tensor<f32> {
  %s = nn.sigmoid %x : tensor<?x3xf32>
  %z = nn.linear %s, %w : tensor<?x3xf32>, tensor<4x3xf32>
  %l = nn.softmax_cross_entropy %z, %labels : tensor<?x4xf32>, tensor<?xi64>
  return %l : tensor<f32>
}

// -----

// Tests that a loss no param reaches returns only zero gradients, with a
// warning per param.
// CHECK-LABEL: func.func @f_grad(
// CHECK: return %{{.*}}, %{{.*}} : tensor<f32>, tensor<2xf32>
// expected-warning @+1 {{parameter #0 (argument #1) of @f does not reach the loss; its gradient is zero}}
func.func @f(%x: tensor<2xf32>, %w: tensor<2xf32> {nn.param}) -> tensor<f32> {
  %l = nn.reduce_sum %x : tensor<2xf32>
  return %l : tensor<f32>
}
