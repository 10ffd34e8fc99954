// RUN: nnc-opt %s -split-input-file --nn-autodiff=function=f | FileCheck %s

// Each loss is Σ y · g with an input g: the cotangent of y is exactly %g.

// Tests that conv2d's filter gradient is nn.conv2d_grad_filter of the input
// and the cotangent, with the forward op's window attributes and the
// kernel size; the input, not a param, gets no gradient.
// CHECK-LABEL: func.func @f_grad(
// CHECK-SAME: %[[X:.*]]: tensor<?x2x6x6xf32>, %[[W:.*]]: tensor<4x2x3x3xf32> {nn.param}, %[[G:.*]]: tensor<?x4x3x3xf32>)
// CHECK-NOT: nn.conv2d_grad_input
// CHECK: %[[DW:.*]] = nn.conv2d_grad_filter %[[X]], %[[G]] {kernel = array<i64: 3, 3>, padding = array<i64: 1, 1, 0, 0>, strides = array<i64: 2, 2>} : tensor<?x2x6x6xf32>, tensor<?x4x3x3xf32>
// CHECK: return %{{.*}}, %[[DW]] : tensor<f32>, tensor<4x2x3x3xf32>
func.func @f(%x: tensor<?x2x6x6xf32>, %w: tensor<4x2x3x3xf32> {nn.param}, %g: tensor<?x4x3x3xf32>) -> tensor<f32> {
  %y = nn.conv2d %x, %w {strides = array<i64: 2, 2>, padding = array<i64: 1, 1, 0, 0>} : tensor<?x2x6x6xf32>, tensor<4x2x3x3xf32>
  %p = nn.mul %y, %g : tensor<?x4x3x3xf32>, tensor<?x4x3x3xf32>
  %l = nn.reduce_sum %p : tensor<?x4x3x3xf32>
  return %l : tensor<f32>
}

// -----

// Tests that through two convolutions the outer one's input gradient
// (nn.conv2d_grad_input, given the inner output's height and width) feeds
// the inner one's filter gradient.
// CHECK-LABEL: func.func @f_grad(
// CHECK-SAME: %[[W:.*]]: tensor<4x2x3x3xf32> {nn.param}, %[[V:.*]]: tensor<4x4x1x1xf32> {nn.param}, %[[X:.*]]: tensor<?x2x6x6xf32>)
// CHECK: %[[H:.*]] = nn.conv2d %[[X]], %[[W]]
// CHECK: %[[Y:.*]] = nn.conv2d %[[H]], %[[V]]
// CHECK: %[[G:.*]] = nn.expand_as %{{.*}}, %[[Y]]
// CHECK-DAG: %[[DH:.*]] = nn.conv2d_grad_input %[[G]], %[[V]] {input_size = array<i64: 4, 4>} : tensor<?x4x4x4xf32>, tensor<4x4x1x1xf32>
// CHECK-DAG: %[[DV:.*]] = nn.conv2d_grad_filter %[[H]], %[[G]] {kernel = array<i64: 1, 1>} : tensor<?x4x4x4xf32>, tensor<?x4x4x4xf32>
// CHECK: %[[DW:.*]] = nn.conv2d_grad_filter %[[X]], %[[DH]] {kernel = array<i64: 3, 3>} : tensor<?x2x6x6xf32>, tensor<?x4x4x4xf32>
// CHECK: return %{{.*}}, %[[DW]], %[[DV]]
func.func @f(%w: tensor<4x2x3x3xf32> {nn.param}, %v: tensor<4x4x1x1xf32> {nn.param}, %x: tensor<?x2x6x6xf32>) -> tensor<f32> {
  %h = nn.conv2d %x, %w : tensor<?x2x6x6xf32>, tensor<4x2x3x3xf32>
  %y = nn.conv2d %h, %v : tensor<?x4x4x4xf32>, tensor<4x4x1x1xf32>
  %l = nn.reduce_sum %y : tensor<?x4x4x4xf32>
  return %l : tensor<f32>
}

// -----

// Tests that max_pool2d's gradient is nn.max_pool2d_grad of its input and
// the cotangent, with the same window.
// CHECK-LABEL: func.func @f_grad(
// CHECK-SAME: %[[X:.*]]: tensor<2x3x6x6xf32> {nn.param}, %[[G:.*]]: tensor<2x3x3x3xf32>)
// CHECK: %[[DX:.*]] = nn.max_pool2d_grad %[[X]], %[[G]] {kernel = array<i64: 2, 2>} : tensor<2x3x6x6xf32>, tensor<2x3x3x3xf32>
// CHECK: return %{{.*}}, %[[DX]]
func.func @f(%x: tensor<2x3x6x6xf32> {nn.param}, %g: tensor<2x3x3x3xf32>) -> tensor<f32> {
  %y = nn.max_pool2d %x {kernel = array<i64: 2, 2>} : tensor<2x3x6x6xf32>
  %p = nn.mul %y, %g : tensor<2x3x3x3xf32>, tensor<2x3x3x3xf32>
  %l = nn.reduce_sum %p : tensor<2x3x3x3xf32>
  return %l : tensor<f32>
}

// -----

// Tests that avg_pool2d's gradient is nn.avg_pool2d_grad of the cotangent
// with the forward window, padding rule and input size.
// CHECK-LABEL: func.func @f_grad(
// CHECK-SAME: %[[X:.*]]: tensor<2x3x6x6xf32> {nn.param}, %[[G:.*]]: tensor<2x3x3x3xf32>)
// CHECK: %[[DX:.*]] = nn.avg_pool2d_grad %[[G]] {input_size = array<i64: 6, 6>, kernel = array<i64: 3, 3>, padding = array<i64: 1, 1, 1, 1>, strides = array<i64: 2, 2>} : tensor<2x3x3x3xf32>
// CHECK: return %{{.*}}, %[[DX]]
func.func @f(%x: tensor<2x3x6x6xf32> {nn.param}, %g: tensor<2x3x3x3xf32>) -> tensor<f32> {
  %y = nn.avg_pool2d %x {kernel = array<i64: 3, 3>, strides = array<i64: 2, 2>, padding = array<i64: 1, 1, 1, 1>} : tensor<2x3x6x6xf32>
  %p = nn.mul %y, %g : tensor<2x3x3x3xf32>, tensor<2x3x3x3xf32>
  %l = nn.reduce_sum %p : tensor<2x3x3x3xf32>
  return %l : tensor<f32>
}

// -----

// Tests that lp_pool2d (p = 3) spreads g · KH·KW · y^(1−p), zero where
// y = 0, with avg_pool2d_grad counting the padding (a plain window sum),
// then multiplies by |x|^(p−1) · sign(x).
// CHECK-LABEL: func.func @f_grad(
// CHECK-SAME: %[[X:.*]]: tensor<2x3x6x6xf32> {nn.param}, %[[G:.*]]: tensor<2x3x3x3xf32>)
// CHECK-DAG: %[[TWO:.*]] = arith.constant dense<2.000000e+00> : tensor<f32>
// CHECK-DAG: %[[ZERO:.*]] = arith.constant dense<0.000000e+00> : tensor<f32>
// CHECK-DAG: %[[ONE_MINUS_P:.*]] = arith.constant dense<-2.000000e+00> : tensor<f32>
// CHECK-DAG: %[[AREA:.*]] = arith.constant dense<4.000000e+00> : tensor<f32>
// CHECK: %[[Y:.*]] = nn.lp_pool2d %[[X]]
// CHECK: %[[GA:.*]] = nn.mul %[[G]], %[[AREA]]
// CHECK: %[[YP:.*]] = nn.pow %[[Y]], %[[ONE_MINUS_P]]
// CHECK: %[[W:.*]] = nn.mul %[[GA]], %[[YP]]
// CHECK: %[[POS:.*]] = nn.compare %[[Y]], %[[ZERO]] {predicate = "gt"}
// CHECK: %[[SAFE:.*]] = nn.select %[[POS]], %[[W]], %[[ZERO]]
// CHECK: %[[SUMS:.*]] = nn.avg_pool2d_grad %[[SAFE]] {count_include_pad = true, input_size = array<i64: 6, 6>, kernel = array<i64: 2, 2>}
// CHECK: %[[ABS:.*]] = nn.abs %[[X]]
// CHECK: %[[POW:.*]] = nn.pow %[[ABS]], %[[TWO]]
// CHECK: %[[SLOPE:.*]] = nn.select %{{.*}}, %[[POW]], %{{.*}}
// CHECK: %[[DX:.*]] = nn.mul %[[SUMS]], %[[SLOPE]]
// CHECK: return %{{.*}}, %[[DX]]
func.func @f(%x: tensor<2x3x6x6xf32> {nn.param}, %g: tensor<2x3x3x3xf32>) -> tensor<f32> {
  %y = nn.lp_pool2d %x {kernel = array<i64: 2, 2>, p = 3.0 : f32} : tensor<2x3x6x6xf32>
  %p = nn.mul %y, %g : tensor<2x3x3x3xf32>, tensor<2x3x3x3xf32>
  %l = nn.reduce_sum %p : tensor<2x3x3x3xf32>
  return %l : tensor<f32>
}

// -----

// Tests that lp_pool2d with p = 2 needs no powers of x: dx is the window sum
// of g · KH·KW / y times x itself.
// CHECK-LABEL: func.func @f_grad(
// CHECK-SAME: %[[X:.*]]: tensor<2x3x6x6xf32> {nn.param}, %[[G:.*]]: tensor<2x3x3x3xf32>)
// CHECK: %[[SUMS:.*]] = nn.avg_pool2d_grad
// CHECK-NOT: nn.abs
// CHECK: %[[DX:.*]] = nn.mul %[[SUMS]], %[[X]]
// CHECK: return %{{.*}}, %[[DX]]
func.func @f(%x: tensor<2x3x6x6xf32> {nn.param}, %g: tensor<2x3x3x3xf32>) -> tensor<f32> {
  %y = nn.lp_pool2d %x {kernel = array<i64: 2, 2>} : tensor<2x3x6x6xf32>
  %p = nn.mul %y, %g : tensor<2x3x3x3xf32>, tensor<2x3x3x3xf32>
  %l = nn.reduce_sum %p : tensor<2x3x3x3xf32>
  return %l : tensor<f32>
}
