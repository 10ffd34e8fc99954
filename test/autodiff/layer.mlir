// RUN: nnc-opt %s -split-input-file --nn-autodiff=function=f | FileCheck %s

// Each loss is Σ y · g with an input g: the cotangent of y is exactly %g.

// Tests that matmul's gradients are two matmuls with transposes:
// dA = g · Bᵀ and dB = Aᵀ · g.
// CHECK-LABEL: func.func @f_grad(
// CHECK-SAME: %[[A:.*]]: tensor<4x3xf32> {nn.param}, %[[B:.*]]: tensor<3x5xf32> {nn.param}, %[[G:.*]]: tensor<4x5xf32>)
// CHECK-SAME: -> (tensor<f32>, tensor<4x3xf32>, tensor<3x5xf32>)
// CHECK-DAG: %[[DA:.*]] = nn.matmul %[[G]], %[[B]] {transpose_b = true} : tensor<4x5xf32>, tensor<3x5xf32>
// CHECK-DAG: %[[DB:.*]] = nn.matmul %[[A]], %[[G]] {transpose_a = true} : tensor<4x3xf32>, tensor<4x5xf32>
// CHECK: return %{{.*}}, %[[DA]], %[[DB]]
func.func @f(%a: tensor<4x3xf32> {nn.param}, %b: tensor<3x5xf32> {nn.param}, %g: tensor<4x5xf32>) -> tensor<f32> {
  %c = nn.matmul %a, %b : tensor<4x3xf32>, tensor<3x5xf32>
  %p = nn.mul %c, %g : tensor<4x5xf32>, tensor<4x5xf32>
  %l = nn.reduce_sum %p : tensor<4x5xf32>
  return %l : tensor<f32>
}

// -----

// Tests that with transpose_a the gradients are dA = B · gᵀ, dB = A · g.
// CHECK-LABEL: func.func @f_grad(
// CHECK-SAME: %[[A:.*]]: tensor<3x4xf32> {nn.param}, %[[B:.*]]: tensor<3x5xf32> {nn.param}, %[[G:.*]]: tensor<4x5xf32>)
// CHECK-DAG: %[[DA:.*]] = nn.matmul %[[B]], %[[G]] {transpose_b = true} : tensor<3x5xf32>, tensor<4x5xf32>
// CHECK-DAG: %[[DB:.*]] = nn.matmul %[[A]], %[[G]] : tensor<3x4xf32>, tensor<4x5xf32>
// CHECK: return %{{.*}}, %[[DA]], %[[DB]]
func.func @f(%a: tensor<3x4xf32> {nn.param}, %b: tensor<3x5xf32> {nn.param}, %g: tensor<4x5xf32>) -> tensor<f32> {
  %c = nn.matmul %a, %b {transpose_a = true} : tensor<3x4xf32>, tensor<3x5xf32>
  %p = nn.mul %c, %g : tensor<4x5xf32>, tensor<4x5xf32>
  %l = nn.reduce_sum %p : tensor<4x5xf32>
  return %l : tensor<f32>
}

// -----

// Tests that with transpose_b the gradients are dA = g · B, dB = gᵀ · A.
// CHECK-LABEL: func.func @f_grad(
// CHECK-SAME: %[[A:.*]]: tensor<4x3xf32> {nn.param}, %[[B:.*]]: tensor<5x3xf32> {nn.param}, %[[G:.*]]: tensor<4x5xf32>)
// CHECK-DAG: %[[DA:.*]] = nn.matmul %[[G]], %[[B]] : tensor<4x5xf32>, tensor<5x3xf32>
// CHECK-DAG: %[[DB:.*]] = nn.matmul %[[G]], %[[A]] {transpose_a = true} : tensor<4x5xf32>, tensor<4x3xf32>
// CHECK: return %{{.*}}, %[[DA]], %[[DB]]
func.func @f(%a: tensor<4x3xf32> {nn.param}, %b: tensor<5x3xf32> {nn.param}, %g: tensor<4x5xf32>) -> tensor<f32> {
  %c = nn.matmul %a, %b {transpose_b = true} : tensor<4x3xf32>, tensor<5x3xf32>
  %p = nn.mul %c, %g : tensor<4x5xf32>, tensor<4x5xf32>
  %l = nn.reduce_sum %p : tensor<4x5xf32>
  return %l : tensor<f32>
}

// -----

// Tests that a batched matmul with both transposes has the batched
// gradients dA = Bᵀ · gᵀ and dB = gᵀ · Aᵀ.
// CHECK-LABEL: func.func @f_grad(
// CHECK-SAME: %[[A:.*]]: tensor<2x3x4xf32> {nn.param}, %[[B:.*]]: tensor<2x5x3xf32> {nn.param}, %[[G:.*]]: tensor<2x4x5xf32>)
// CHECK-DAG: %[[DA:.*]] = nn.matmul %[[B]], %[[G]] {transpose_a = true, transpose_b = true} : tensor<2x5x3xf32>, tensor<2x4x5xf32>
// CHECK-DAG: %[[DB:.*]] = nn.matmul %[[G]], %[[A]] {transpose_a = true, transpose_b = true} : tensor<2x4x5xf32>, tensor<2x3x4xf32>
// CHECK: return %{{.*}}, %[[DA]], %[[DB]] : tensor<f32>, tensor<2x3x4xf32>, tensor<2x5x3xf32>
func.func @f(%a: tensor<2x3x4xf32> {nn.param}, %b: tensor<2x5x3xf32> {nn.param}, %g: tensor<2x4x5xf32>) -> tensor<f32> {
  %c = nn.matmul %a, %b {transpose_a = true, transpose_b = true} : tensor<2x3x4xf32>, tensor<2x5x3xf32>
  %p = nn.mul %c, %g : tensor<2x4x5xf32>, tensor<2x4x5xf32>
  %l = nn.reduce_sum %p : tensor<2x4x5xf32>
  return %l : tensor<f32>
}

// -----

// Tests that linear (y = x · wᵀ) over a dynamic batch has dx = g · w and
// dw = gᵀ · x, the batch contracted away: the inner layer's dw uses the
// outer layer's dx.
// CHECK-LABEL: func.func @f_grad(
// CHECK-SAME: %[[X:.*]]: tensor<?x4xf32>, %[[W1:.*]]: tensor<3x4xf32> {nn.param}, %[[W2:.*]]: tensor<2x3xf32> {nn.param}, %[[G:.*]]: tensor<?x2xf32>)
// CHECK-SAME: -> (tensor<f32>, tensor<3x4xf32>, tensor<2x3xf32>)
// CHECK: %[[H:.*]] = nn.linear %[[X]], %[[W1]]
// CHECK-DAG: %[[DH:.*]] = nn.matmul %[[G]], %[[W2]] : tensor<?x2xf32>, tensor<2x3xf32>
// CHECK-DAG: %[[DW2:.*]] = nn.matmul %[[G]], %[[H]] {transpose_a = true} : tensor<?x2xf32>, tensor<?x3xf32>
// CHECK-DAG: %[[DW1:.*]] = nn.matmul %[[DH]], %[[X]] {transpose_a = true} : tensor<?x3xf32>, tensor<?x4xf32>
// CHECK: return %{{.*}}, %[[DW1]], %[[DW2]]
func.func @f(%x: tensor<?x4xf32>, %w1: tensor<3x4xf32> {nn.param}, %w2: tensor<2x3xf32> {nn.param}, %g: tensor<?x2xf32>) -> tensor<f32> {
  %h = nn.linear %x, %w1 : tensor<?x4xf32>, tensor<3x4xf32>
  %y = nn.linear %h, %w2 : tensor<?x3xf32>, tensor<2x3xf32>
  %p = nn.mul %y, %g : tensor<?x2xf32>, tensor<?x2xf32>
  %l = nn.reduce_sum %p : tensor<?x2xf32>
  return %l : tensor<f32>
}
