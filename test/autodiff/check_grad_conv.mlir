// Tests that the symbolic gradients of conv2d (nn.conv2d_grad_input and
// nn.conv2d_grad_filter) agree with central differences for the input and
// the filter: strides 2, asymmetric padding, non-square kernels, dilation
// 2, groups 2, depthwise, padding wider than the kernel, and a chain of
// convolutions over a dynamic batch.

// RUN: nnc check-grad %s --function=strided_padded | FileCheck %s
// RUN: nnc check-grad %s --function=dilated | FileCheck %s
// RUN: nnc check-grad %s --function=grouped | FileCheck %s
// RUN: nnc check-grad %s --function=depthwise | FileCheck %s
// RUN: nnc check-grad %s --function=wide_padding | FileCheck %s
// RUN: nnc check-grad %s --function=chain --batch=3 | FileCheck %s
// CHECK: check-grad @{{.*}}: ok

// Strides 2, padding (top 1, left 0, bottom 2, right 1), a 3x2 kernel.
func.func @strided_padded(%x: tensor<2x3x7x8xf32> {nn.param}, %w: tensor<4x3x3x2xf32> {nn.param}, %c: tensor<2x4x4x4xf32>) -> tensor<f32> {
  %y = nn.conv2d %x, %w {strides = array<i64: 2, 2>, padding = array<i64: 1, 0, 2, 1>} : tensor<2x3x7x8xf32>, tensor<4x3x3x2xf32>
  %p = nn.mul %y, %c : tensor<2x4x4x4xf32>, tensor<2x4x4x4xf32>
  %l = nn.reduce_sum %p : tensor<2x4x4x4xf32>
  return %l : tensor<f32>
}

// Dilation 2 with a 2x3 kernel, padding 2 all round, stride (1, 2).
func.func @dilated(%x: tensor<2x2x6x7xf32> {nn.param}, %w: tensor<3x2x2x3xf32> {nn.param}, %c: tensor<2x3x8x4xf32>) -> tensor<f32> {
  %y = nn.conv2d %x, %w {dilations = array<i64: 2, 2>, strides = array<i64: 1, 2>, padding = array<i64: 2, 2, 2, 2>} : tensor<2x2x6x7xf32>, tensor<3x2x2x3xf32>
  %p = nn.mul %y, %c : tensor<2x3x8x4xf32>, tensor<2x3x8x4xf32>
  %l = nn.reduce_sum %p : tensor<2x3x8x4xf32>
  return %l : tensor<f32>
}

// Two groups of 2 input and 3 output channels, strides 2, padding 1.
func.func @grouped(%x: tensor<2x4x6x6xf32> {nn.param}, %w: tensor<6x2x3x3xf32> {nn.param}, %c: tensor<2x6x3x3xf32>) -> tensor<f32> {
  %y = nn.conv2d %x, %w {groups = 2 : i64, strides = array<i64: 2, 2>, padding = array<i64: 1, 1, 1, 1>} : tensor<2x4x6x6xf32>, tensor<6x2x3x3xf32>
  %p = nn.mul %y, %c : tensor<2x6x3x3xf32>, tensor<2x6x3x3xf32>
  %l = nn.reduce_sum %p : tensor<2x6x3x3xf32>
  return %l : tensor<f32>
}

// One filter per channel, a 3x1 kernel, padding (1, 0, 1, 0).
func.func @depthwise(%x: tensor<2x3x5x5xf32> {nn.param}, %w: tensor<3x1x3x1xf32> {nn.param}, %c: tensor<2x3x5x5xf32>) -> tensor<f32> {
  %y = nn.conv2d %x, %w {groups = 3 : i64, padding = array<i64: 1, 0, 1, 0>} : tensor<2x3x5x5xf32>, tensor<3x1x3x1xf32>
  %p = nn.mul %y, %c : tensor<2x3x5x5xf32>, tensor<2x3x5x5xf32>
  %l = nn.reduce_sum %p : tensor<2x3x5x5xf32>
  return %l : tensor<f32>
}

// Padding 2 around a 2x2 kernel: the outer outputs see only padding.
func.func @wide_padding(%x: tensor<1x2x3x3xf32> {nn.param}, %w: tensor<2x2x2x2xf32> {nn.param}, %c: tensor<1x2x6x6xf32>) -> tensor<f32> {
  %y = nn.conv2d %x, %w {padding = array<i64: 2, 2, 2, 2>} : tensor<1x2x3x3xf32>, tensor<2x2x2x2xf32>
  %p = nn.mul %y, %c : tensor<1x2x6x6xf32>, tensor<1x2x6x6xf32>
  %l = nn.reduce_sum %p : tensor<1x2x6x6xf32>
  return %l : tensor<f32>
}

// conv -> bias -> tanh -> strided conv over a dynamic batch: the second
// convolution's input gradient feeds the first one's filter gradient.
func.func @chain(%x: tensor<?x2x7x7xf32>, %w1: tensor<3x2x3x3xf32> {nn.param}, %b1: tensor<3xf32> {nn.param}, %w2: tensor<2x3x2x2xf32> {nn.param}, %c: tensor<?x2x3x3xf32>) -> tensor<f32> {
  %h = nn.conv2d %x, %w1 {padding = array<i64: 1, 1, 1, 1>} : tensor<?x2x7x7xf32>, tensor<3x2x3x3xf32>
  %hb = nn.bias_add %h, %b1 : tensor<?x3x7x7xf32>, tensor<3xf32>
  %t = nn.tanh %hb : tensor<?x3x7x7xf32>
  %y = nn.conv2d %t, %w2 {strides = array<i64: 2, 2>} : tensor<?x3x7x7xf32>, tensor<2x3x2x2xf32>
  %p = nn.mul %y, %c : tensor<?x2x3x3xf32>, tensor<?x2x3x3xf32>
  %l = nn.reduce_sum %p : tensor<?x2x3x3xf32>
  return %l : tensor<f32>
}
