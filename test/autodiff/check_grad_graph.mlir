// Tests that gradients through whole graphs agree with central
// differences: fan-out, a weight shared by layers called through func.call,
// two heads, a dead branch, and a param that does not reach the loss.

// RUN: nnc check-grad %s --function=shared_layers --batch=3 | FileCheck %s
// RUN: nnc check-grad %s --function=two_heads --batch=2 | FileCheck %s
// RUN: nnc check-grad %s --function=unreached 2>&1 | FileCheck %s --check-prefix=UNREACHED
// CHECK: check-grad @{{.*}}: ok
// UNREACHED: warning: parameter #1 (argument #2) of @unreached does not reach the loss; its gradient is zero
// UNREACHED: param #1 (argument #2, tensor<2xf32>): 2 elements, max abs error 0, max rel error 0
// UNREACHED: check-grad @unreached: ok, 2 params within tolerance

func.func @layer(%x: tensor<?x4xf32>, %w: tensor<4x4xf32>, %b: tensor<4xf32>) -> tensor<?x4xf32> {
  %z = nn.linear %x, %w : tensor<?x4xf32>, tensor<4x4xf32>
  %a = nn.bias_add %z, %b : tensor<?x4xf32>, tensor<4xf32>
  %h = nn.tanh %a : tensor<?x4xf32>
  return %h : tensor<?x4xf32>
}

// A residual pair of layers sharing w; h1 fans out to the second layer and
// the skip connection.
func.func @shared_layers(%x: tensor<?x4xf32>, %t: tensor<?x4xf32>, %w: tensor<4x4xf32> {nn.param}, %b1: tensor<4xf32> {nn.param}, %b2: tensor<4xf32> {nn.param}) -> tensor<f32> {
  %h1 = call @layer(%x, %w, %b1) : (tensor<?x4xf32>, tensor<4x4xf32>, tensor<4xf32>) -> tensor<?x4xf32>
  %h2 = call @layer(%h1, %w, %b2) : (tensor<?x4xf32>, tensor<4x4xf32>, tensor<4xf32>) -> tensor<?x4xf32>
  %y = nn.add %h1, %h2 : tensor<?x4xf32>, tensor<?x4xf32>
  %l = nn.mse_loss %y, %t : tensor<?x4xf32>, tensor<?x4xf32>
  return %l : tensor<f32>
}

// A trunk feeding a classification head and a regression head, plus a dead
// branch.
func.func @two_heads(%x: tensor<?x3xf32>, %labels: tensor<?xi64>, %t: tensor<?x1xf32>, %w: tensor<5x3xf32> {nn.param}, %wc: tensor<4x5xf32> {nn.param}, %wr: tensor<1x5xf32> {nn.param}) -> tensor<f32> {
  %z = nn.linear %x, %w : tensor<?x3xf32>, tensor<5x3xf32>
  %h = nn.relu %z : tensor<?x5xf32>
  %dead = nn.exp %h : tensor<?x5xf32>
  %logits = nn.linear %h, %wc : tensor<?x5xf32>, tensor<4x5xf32>
  %ce = nn.softmax_cross_entropy %logits, %labels : tensor<?x4xf32>, tensor<?xi64>
  %r = nn.linear %h, %wr : tensor<?x5xf32>, tensor<1x5xf32>
  %mse = nn.mse_loss %r, %t : tensor<?x1xf32>, tensor<?x1xf32>
  %l = nn.add %ce, %mse : tensor<f32>, tensor<f32>
  return %l : tensor<f32>
}

func.func @unreached(%x: tensor<2xf32>, %w: tensor<2xf32> {nn.param}, %v: tensor<2xf32> {nn.param}) -> tensor<f32> {
  %y = nn.mul %x, %w : tensor<2xf32>, tensor<2xf32>
  %l = nn.reduce_sum %y : tensor<2xf32>
  return %l : tensor<f32>
}
