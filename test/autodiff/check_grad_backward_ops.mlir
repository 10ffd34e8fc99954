// Tests that the backward ops of conv2d and avg_pool2d can be
// differentiated themselves (a backward graph can be differentiated again):
// their symbolic gradients agree with central differences, with strides,
// padding, dilation and groups.

// RUN: nnc check-grad %s --function=grad_input | FileCheck %s
// RUN: nnc check-grad %s --function=grad_filter | FileCheck %s
// RUN: nnc check-grad %s --function=avg_grad | FileCheck %s
// RUN: nnc check-grad %s --function=double_backward | FileCheck %s
// CHECK: check-grad @{{.*}}: ok

func.func @grad_input(%dy: tensor<2x4x3x4xf32> {nn.param}, %w: tensor<4x1x3x2xf32> {nn.param}, %c: tensor<2x2x7x8xf32>) -> tensor<f32> {
  %dx = nn.conv2d_grad_input %dy, %w {input_size = array<i64: 7, 8>, strides = array<i64: 2, 2>, padding = array<i64: 1, 0, 0, 1>, groups = 2 : i64} : tensor<2x4x3x4xf32>, tensor<4x1x3x2xf32>
  %p = nn.mul %dx, %c : tensor<2x2x7x8xf32>, tensor<2x2x7x8xf32>
  %l = nn.reduce_sum %p : tensor<2x2x7x8xf32>
  return %l : tensor<f32>
}

func.func @grad_filter(%x: tensor<2x2x6x6xf32> {nn.param}, %dy: tensor<2x3x2x4xf32> {nn.param}, %c: tensor<3x2x2x3xf32>) -> tensor<f32> {
  %dw = nn.conv2d_grad_filter %x, %dy {kernel = array<i64: 2, 3>, dilations = array<i64: 2, 1>, strides = array<i64: 2, 1>} : tensor<2x2x6x6xf32>, tensor<2x3x2x4xf32>
  %p = nn.mul %dw, %c : tensor<3x2x2x3xf32>, tensor<3x2x2x3xf32>
  %l = nn.reduce_sum %p : tensor<3x2x2x3xf32>
  return %l : tensor<f32>
}

func.func @avg_grad(%dy: tensor<2x3x4x4xf32> {nn.param}, %c: tensor<2x3x7x7xf32>) -> tensor<f32> {
  %dx = nn.avg_pool2d_grad %dy {input_size = array<i64: 7, 7>, kernel = array<i64: 3, 3>, strides = array<i64: 2, 2>, padding = array<i64: 1, 1, 1, 1>} : tensor<2x3x4x4xf32>
  %p = nn.mul %dx, %c : tensor<2x3x7x7xf32>, tensor<2x3x7x7xf32>
  %l = nn.reduce_sum %p : tensor<2x3x7x7xf32>
  return %l : tensor<f32>
}

// A penalty on the input gradient of a tanh convolution (as in gradient
// penalties): differentiating it differentiates conv2d_grad_input.
func.func @double_backward(%x: tensor<1x2x5x5xf32>, %w: tensor<3x2x3x3xf32> {nn.param}, %c: tensor<1x3x3x3xf32>) -> tensor<f32> {
  %y = nn.conv2d %x, %w : tensor<1x2x5x5xf32>, tensor<3x2x3x3xf32>
  %t = nn.tanh %y : tensor<1x3x3x3xf32>
  %dt = nn.mul %c, %t : tensor<1x3x3x3xf32>, tensor<1x3x3x3xf32>
  %dx = nn.conv2d_grad_input %dt, %w {input_size = array<i64: 5, 5>} : tensor<1x3x3x3xf32>, tensor<3x2x3x3xf32>
  %sq = nn.mul %dx, %dx : tensor<1x2x5x5xf32>, tensor<1x2x5x5xf32>
  %l = nn.reduce_sum %sq : tensor<1x2x5x5xf32>
  return %l : tensor<f32>
}
