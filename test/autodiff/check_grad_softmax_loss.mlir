// Tests that the symbolic gradients of softmax, log_softmax and every loss
// (each reduction, integer and probability labels, BCE's clamped logs, the
// targets' gradients) agree with central differences.

// RUN: nnc check-grad %s --function=softmax | FileCheck %s
// RUN: nnc check-grad %s --function=log_softmax | FileCheck %s
// RUN: nnc check-grad %s --function=ce_mean --batch=4 | FileCheck %s
// RUN: nnc check-grad %s --function=ce_sum --batch=3 --seed=11 | FileCheck %s
// RUN: nnc check-grad %s --function=ce_none --batch=3 | FileCheck %s
// RUN: nnc check-grad %s --function=ce_probabilities | FileCheck %s
// RUN: nnc check-grad %s --function=bce_mean --batch=4 | FileCheck %s
// RUN: nnc check-grad %s --function=bce_sum | FileCheck %s
// RUN: nnc check-grad %s --function=bce_none | FileCheck %s
// RUN: nnc check-grad %s --function=bce_clamped | FileCheck %s
// RUN: nnc check-grad %s --function=mse_mean --batch=3 | FileCheck %s
// RUN: nnc check-grad %s --function=mse_sum | FileCheck %s
// RUN: nnc check-grad %s --function=mse_none | FileCheck %s
// CHECK: check-grad @{{.*}}: ok

func.func @softmax(%x: tensor<3x4xf32> {nn.param}, %c: tensor<3x4xf32>) -> tensor<f32> {
  %a = nn.softmax %x : tensor<3x4xf32>
  %b = nn.softmax %x {axis = 0 : i64} : tensor<3x4xf32>
  %y = nn.mul %a, %b : tensor<3x4xf32>, tensor<3x4xf32>
  %p = nn.mul %y, %c : tensor<3x4xf32>, tensor<3x4xf32>
  %l = nn.reduce_sum %p : tensor<3x4xf32>
  return %l : tensor<f32>
}

func.func @log_softmax(%x: tensor<2x3x4xf32> {nn.param}, %c: tensor<2x3x4xf32>) -> tensor<f32> {
  %y = nn.log_softmax %x {axis = 1 : i64} : tensor<2x3x4xf32>
  %p = nn.mul %y, %c : tensor<2x3x4xf32>, tensor<2x3x4xf32>
  %l = nn.reduce_sum %p : tensor<2x3x4xf32>
  return %l : tensor<f32>
}

func.func @ce_mean(%x: tensor<?x3xf32>, %labels: tensor<?xi64>, %w: tensor<5x3xf32> {nn.param}, %b: tensor<5xf32> {nn.param}) -> tensor<f32> {
  %z = nn.linear %x, %w : tensor<?x3xf32>, tensor<5x3xf32>
  %logits = nn.bias_add %z, %b : tensor<?x5xf32>, tensor<5xf32>
  %l = nn.softmax_cross_entropy %logits, %labels : tensor<?x5xf32>, tensor<?xi64>
  return %l : tensor<f32>
}

func.func @ce_sum(%x: tensor<?x3xf32>, %labels: tensor<?xi32>, %w: tensor<4x3xf32> {nn.param}) -> tensor<f32> {
  %z = nn.linear %x, %w : tensor<?x3xf32>, tensor<4x3xf32>
  %l = nn.softmax_cross_entropy %z, %labels {reduction = "sum"} : tensor<?x4xf32>, tensor<?xi32>
  return %l : tensor<f32>
}

func.func @ce_none(%x: tensor<?x3xf32>, %labels: tensor<?xi64>, %w: tensor<4x3xf32> {nn.param}, %c: tensor<?xf32>) -> tensor<f32> {
  %z = nn.linear %x, %w : tensor<?x3xf32>, tensor<4x3xf32>
  %e = nn.softmax_cross_entropy %z, %labels {reduction = "none"} : tensor<?x4xf32>, tensor<?xi64>
  %p = nn.mul %e, %c : tensor<?xf32>, tensor<?xf32>
  %l = nn.reduce_sum %p : tensor<?xf32>
  return %l : tensor<f32>
}

// Probability labels are a param too: their gradient is −log_softmax.
func.func @ce_probabilities(%z: tensor<3x4xf32> {nn.param}, %t: tensor<3x4xf32> {nn.param}) -> tensor<f32> {
  %l = nn.softmax_cross_entropy %z, %t : tensor<3x4xf32>, tensor<3x4xf32>
  return %l : tensor<f32>
}

func.func @bce_mean(%x: tensor<?x2xf32>, %t: tensor<?x1xf32>, %w: tensor<1x2xf32> {nn.param}) -> tensor<f32> {
  %z = nn.linear %x, %w : tensor<?x2xf32>, tensor<1x2xf32>
  %p = nn.sigmoid %z : tensor<?x1xf32>
  %l = nn.binary_cross_entropy %p, %t : tensor<?x1xf32>, tensor<?x1xf32>
  return %l : tensor<f32>
}

// The target is a param: its gradient is clog(1 − p) − clog(p).
func.func @bce_sum(%w: tensor<3x2xf32> {nn.param}, %t: tensor<3x2xf32> {nn.param}) -> tensor<f32> {
  %p = nn.sigmoid %w : tensor<3x2xf32>
  %l = nn.binary_cross_entropy %p, %t {reduction = "sum"} : tensor<3x2xf32>, tensor<3x2xf32>
  return %l : tensor<f32>
}

func.func @bce_none(%w: tensor<4xf32> {nn.param}, %t: tensor<4xf32>, %c: tensor<4xf32>) -> tensor<f32> {
  %p = nn.sigmoid %w : tensor<4xf32>
  %e = nn.binary_cross_entropy %p, %t {reduction = "none"} : tensor<4xf32>, tensor<4xf32>
  %y = nn.mul %e, %c : tensor<4xf32>, tensor<4xf32>
  %l = nn.reduce_sum %y : tensor<4xf32>
  return %l : tensor<f32>
}

// p = sigmoid(w − 300) ≈ 1e-130: log p is clamped at −100 and passes no
// gradient, exactly as the clamped loss does not move.
func.func @bce_clamped(%w: tensor<3xf32> {nn.param}, %t: tensor<3xf32> {nn.param}) -> tensor<f32> {
  %shift = arith.constant dense<-300.0> : tensor<f32>
  %z = nn.add %w, %shift : tensor<3xf32>, tensor<f32>
  %p = nn.sigmoid %z : tensor<3xf32>
  %l = nn.binary_cross_entropy %p, %t {reduction = "sum"} : tensor<3xf32>, tensor<3xf32>
  return %l : tensor<f32>
}

func.func @mse_mean(%x: tensor<?x2xf32>, %t: tensor<?x3xf32>, %w: tensor<3x2xf32> {nn.param}) -> tensor<f32> {
  %y = nn.linear %x, %w : tensor<?x2xf32>, tensor<3x2xf32>
  %l = nn.mse_loss %y, %t : tensor<?x3xf32>, tensor<?x3xf32>
  return %l : tensor<f32>
}

func.func @mse_sum(%y: tensor<2x3xf32> {nn.param}, %t: tensor<2x3xf32> {nn.param}) -> tensor<f32> {
  %l = nn.mse_loss %y, %t {reduction = "sum"} : tensor<2x3xf32>, tensor<2x3xf32>
  return %l : tensor<f32>
}

func.func @mse_none(%y: tensor<2x3xf32> {nn.param}, %t: tensor<2x3xf32>, %c: tensor<2x3xf32>) -> tensor<f32> {
  %e = nn.mse_loss %y, %t {reduction = "none"} : tensor<2x3xf32>, tensor<2x3xf32>
  %p = nn.mul %e, %c : tensor<2x3xf32>, tensor<2x3xf32>
  %l = nn.reduce_sum %p : tensor<2x3xf32>
  return %l : tensor<f32>
}
