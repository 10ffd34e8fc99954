// Tests that the symbolic gradients of max, average and Lp pooling agree
// with central differences: overlapping windows with padding, asymmetric
// padding and non-square kernels, count_include_pad both ways, p = 2 and
// p = 3, and a conv -> pool chain over a dynamic batch. Inputs are random
// doubles, so no two values of a max window tie (a tie is a kink where
// central differences mean nothing); the window maxima move by far more
// than the step h.

// RUN: nnc check-grad %s --function=max_overlapping_padded | FileCheck %s
// RUN: nnc check-grad %s --function=max_asymmetric | FileCheck %s
// RUN: nnc check-grad %s --function=avg_excluding_pad | FileCheck %s
// RUN: nnc check-grad %s --function=avg_including_pad | FileCheck %s
// RUN: nnc check-grad %s --function=avg_asymmetric | FileCheck %s
// RUN: nnc check-grad %s --function=lp2_padded | FileCheck %s
// RUN: nnc check-grad %s --function=lp3_non_square | FileCheck %s
// RUN: nnc check-grad %s --function=conv_pool_chain --batch=3 | FileCheck %s
// CHECK: check-grad @{{.*}}: ok

// 3x3 windows at stride 2, padding 1 all round: windows overlap.
func.func @max_overlapping_padded(%x: tensor<2x3x7x7xf32> {nn.param}, %c: tensor<2x3x4x4xf32>) -> tensor<f32> {
  %y = nn.max_pool2d %x {kernel = array<i64: 3, 3>, strides = array<i64: 2, 2>, padding = array<i64: 1, 1, 1, 1>} : tensor<2x3x7x7xf32>
  %p = nn.mul %y, %c : tensor<2x3x4x4xf32>, tensor<2x3x4x4xf32>
  %l = nn.reduce_sum %p : tensor<2x3x4x4xf32>
  return %l : tensor<f32>
}

// A 2x3 kernel, strides (1, 2), padding (top 1, right 1).
func.func @max_asymmetric(%x: tensor<2x2x5x8xf32> {nn.param}, %c: tensor<2x2x5x4xf32>) -> tensor<f32> {
  %y = nn.max_pool2d %x {kernel = array<i64: 2, 3>, strides = array<i64: 1, 2>, padding = array<i64: 1, 0, 0, 1>} : tensor<2x2x5x8xf32>
  %p = nn.mul %y, %c : tensor<2x2x5x4xf32>, tensor<2x2x5x4xf32>
  %l = nn.reduce_sum %p : tensor<2x2x5x4xf32>
  return %l : tensor<f32>
}

// Padded windows divide by the positions inside x.
func.func @avg_excluding_pad(%x: tensor<2x3x7x7xf32> {nn.param}, %c: tensor<2x3x4x4xf32>) -> tensor<f32> {
  %y = nn.avg_pool2d %x {kernel = array<i64: 3, 3>, strides = array<i64: 2, 2>, padding = array<i64: 1, 1, 1, 1>} : tensor<2x3x7x7xf32>
  %p = nn.mul %y, %c : tensor<2x3x4x4xf32>, tensor<2x3x4x4xf32>
  %l = nn.reduce_sum %p : tensor<2x3x4x4xf32>
  return %l : tensor<f32>
}

// Every window divides by KH·KW.
func.func @avg_including_pad(%x: tensor<2x3x7x7xf32> {nn.param}, %c: tensor<2x3x4x4xf32>) -> tensor<f32> {
  %y = nn.avg_pool2d %x {kernel = array<i64: 3, 3>, strides = array<i64: 2, 2>, padding = array<i64: 1, 1, 1, 1>, count_include_pad = true} : tensor<2x3x7x7xf32>
  %p = nn.mul %y, %c : tensor<2x3x4x4xf32>, tensor<2x3x4x4xf32>
  %l = nn.reduce_sum %p : tensor<2x3x4x4xf32>
  return %l : tensor<f32>
}

// A 3x2 kernel, strides (2, 1), padding (1, 1, 1, 0), pads excluded.
func.func @avg_asymmetric(%x: tensor<2x3x7x6xf32> {nn.param}, %c: tensor<2x3x4x6xf32>) -> tensor<f32> {
  %y = nn.avg_pool2d %x {kernel = array<i64: 3, 2>, strides = array<i64: 2, 1>, padding = array<i64: 1, 1, 1, 0>} : tensor<2x3x7x6xf32>
  %p = nn.mul %y, %c : tensor<2x3x4x6xf32>, tensor<2x3x4x6xf32>
  %l = nn.reduce_sum %p : tensor<2x3x4x6xf32>
  return %l : tensor<f32>
}

// L2 pooling over padded overlapping windows.
func.func @lp2_padded(%x: tensor<2x2x5x5xf32> {nn.param}, %c: tensor<2x2x5x5xf32>) -> tensor<f32> {
  %y = nn.lp_pool2d %x {kernel = array<i64: 3, 3>, strides = array<i64: 1, 1>, padding = array<i64: 1, 1, 1, 1>} : tensor<2x2x5x5xf32>
  %p = nn.mul %y, %c : tensor<2x2x5x5xf32>, tensor<2x2x5x5xf32>
  %l = nn.reduce_sum %p : tensor<2x2x5x5xf32>
  return %l : tensor<f32>
}

// p = 3 over 2x3 windows with strides (2, 3) on signed inputs.
func.func @lp3_non_square(%x: tensor<2x2x7x9xf32> {nn.param}, %c: tensor<2x2x3x3xf32>) -> tensor<f32> {
  %y = nn.lp_pool2d %x {kernel = array<i64: 2, 3>, strides = array<i64: 2, 3>, p = 3.0 : f32} : tensor<2x2x7x9xf32>
  %p = nn.mul %y, %c : tensor<2x2x3x3xf32>, tensor<2x2x3x3xf32>
  %l = nn.reduce_sum %p : tensor<2x2x3x3xf32>
  return %l : tensor<f32>
}

// conv -> tanh -> max pool -> avg pool over a dynamic batch, as in LeNet.
func.func @conv_pool_chain(%x: tensor<?x1x8x8xf32>, %w: tensor<3x1x3x3xf32> {nn.param}, %c: tensor<?x3x2x2xf32>) -> tensor<f32> {
  %h = nn.conv2d %x, %w {padding = array<i64: 1, 1, 1, 1>} : tensor<?x1x8x8xf32>, tensor<3x1x3x3xf32>
  %t = nn.tanh %h : tensor<?x3x8x8xf32>
  %m = nn.max_pool2d %t {kernel = array<i64: 2, 2>} : tensor<?x3x8x8xf32>
  %a = nn.avg_pool2d %m {kernel = array<i64: 2, 2>} : tensor<?x3x4x4xf32>
  %p = nn.mul %a, %c : tensor<?x3x2x2xf32>, tensor<?x3x2x2xf32>
  %l = nn.reduce_sum %p : tensor<?x3x2x2xf32>
  return %l : tensor<f32>
}
