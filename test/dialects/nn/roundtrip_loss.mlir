// RUN: nnc-opt %s -split-input-file | nnc-opt -split-input-file | FileCheck %s

// Tests that softmax_cross_entropy takes class indices or probabilities.
// CHECK-LABEL: func.func @softmax_cross_entropy(
// CHECK-SAME: %[[L:.*]]: tensor<?x10xf32>, %[[I:.*]]: tensor<?xi64>, %[[J:.*]]: tensor<?xi32>, %[[P:.*]]: tensor<?x10xf32>
func.func @softmax_cross_entropy(%logits: tensor<?x10xf32>, %i64: tensor<?xi64>, %i32: tensor<?xi32>, %p: tensor<?x10xf32>) -> (tensor<f32>, tensor<f32>, tensor<f32>, tensor<?xf32>) {
  // CHECK: nn.softmax_cross_entropy %[[L]], %[[I]] : tensor<?x10xf32>, tensor<?xi64>
  // CHECK: nn.softmax_cross_entropy %[[L]], %[[J]] {reduction = "sum"} : tensor<?x10xf32>, tensor<?xi32>
  // CHECK: nn.softmax_cross_entropy %[[L]], %[[P]] : tensor<?x10xf32>, tensor<?x10xf32>
  // CHECK: nn.softmax_cross_entropy %[[L]], %[[I]] {reduction = "none"} : tensor<?x10xf32>, tensor<?xi64>
  %0 = nn.softmax_cross_entropy %logits, %i64 {reduction = "mean"} : tensor<?x10xf32>, tensor<?xi64>
  %1 = nn.softmax_cross_entropy %logits, %i32 {reduction = "sum"} : tensor<?x10xf32>, tensor<?xi32>
  %2 = nn.softmax_cross_entropy %logits, %p : tensor<?x10xf32>, tensor<?x10xf32>
  %3 = nn.softmax_cross_entropy %logits, %i64 {reduction = "none"} : tensor<?x10xf32>, tensor<?xi64>
  return %0, %1, %2, %3 : tensor<f32>, tensor<f32>, tensor<f32>, tensor<?xf32>
}

// -----

// Tests that binary_cross_entropy round-trips each reduction.
// CHECK-LABEL: func.func @binary_cross_entropy(
// CHECK-SAME: %[[P:.*]]: tensor<?x1xf32>, %[[T:.*]]: tensor<?x1xf32>
func.func @binary_cross_entropy(%p: tensor<?x1xf32>, %t: tensor<?x1xf32>) -> (tensor<f32>, tensor<f32>, tensor<?x1xf32>) {
  // CHECK: nn.binary_cross_entropy %[[P]], %[[T]] : tensor<?x1xf32>, tensor<?x1xf32>
  // CHECK: nn.binary_cross_entropy %[[P]], %[[T]] {reduction = "sum"} : tensor<?x1xf32>, tensor<?x1xf32>
  // CHECK: nn.binary_cross_entropy %[[P]], %[[T]] {reduction = "none"} : tensor<?x1xf32>, tensor<?x1xf32>
  %0 = nn.binary_cross_entropy %p, %t : tensor<?x1xf32>, tensor<?x1xf32>
  %1 = nn.binary_cross_entropy %p, %t {reduction = "sum"} : tensor<?x1xf32>, tensor<?x1xf32>
  %2 = nn.binary_cross_entropy %p, %t {reduction = "none"} : tensor<?x1xf32>, tensor<?x1xf32>
  return %0, %1, %2 : tensor<f32>, tensor<f32>, tensor<?x1xf32>
}

// -----

// Tests that mse_loss round-trips each reduction.
// CHECK-LABEL: func.func @mse_loss(
// CHECK-SAME: %[[Y:.*]]: tensor<4x3xf32>, %[[T:.*]]: tensor<4x3xf32>
func.func @mse_loss(%y: tensor<4x3xf32>, %t: tensor<4x3xf32>) -> (tensor<f32>, tensor<f32>, tensor<4x3xf32>) {
  // CHECK: nn.mse_loss %[[Y]], %[[T]] : tensor<4x3xf32>, tensor<4x3xf32>
  // CHECK: nn.mse_loss %[[Y]], %[[T]] {reduction = "sum"} : tensor<4x3xf32>, tensor<4x3xf32>
  // CHECK: nn.mse_loss %[[Y]], %[[T]] {reduction = "none"} : tensor<4x3xf32>, tensor<4x3xf32>
  %0 = nn.mse_loss %y, %t : tensor<4x3xf32>, tensor<4x3xf32>
  %1 = nn.mse_loss %y, %t {reduction = "sum"} : tensor<4x3xf32>, tensor<4x3xf32>
  %2 = nn.mse_loss %y, %t {reduction = "none"} : tensor<4x3xf32>, tensor<4x3xf32>
  return %0, %1, %2 : tensor<f32>, tensor<f32>, tensor<4x3xf32>
}
