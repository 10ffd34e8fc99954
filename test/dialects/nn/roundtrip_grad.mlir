// RUN: nnc-opt %s -split-input-file | nnc-opt -split-input-file | FileCheck %s

// Tests that conv2d_grad_input round-trips and gives dx the forward input's
// shape: channels from the filter and groups, H and W from input_size, the
// dynamic batch from dy.
// CHECK-LABEL: func.func @conv2d_grad_input(
// CHECK-SAME: %[[DY:.*]]: tensor<?x8x15x17xf32>, %[[W:.*]]: tensor<8x2x3x3xf32>
// CHECK: %[[DX:.*]] = nn.conv2d_grad_input %[[DY]], %[[W]] {dilations = array<i64: 2, 1>, groups = 2 : i64, input_size = array<i64: 32, 32>, padding = array<i64: 1, 2, 0, 1>, strides = array<i64: 2, 2>} : tensor<?x8x15x17xf32>, tensor<8x2x3x3xf32>
// CHECK: return %[[DX]] : tensor<?x4x32x32xf32>
func.func @conv2d_grad_input(%dy: tensor<?x8x15x17xf32>, %w: tensor<8x2x3x3xf32>) -> tensor<?x4x32x32xf32> {
  %0 = nn.conv2d_grad_input %dy, %w {input_size = array<i64: 32, 32>, strides = array<i64: 2, 2>, padding = array<i64: 1, 2, 0, 1>, dilations = array<i64: 2, 1>, groups = 2 : i64} : tensor<?x8x15x17xf32>, tensor<8x2x3x3xf32>
  return %0 : tensor<?x4x32x32xf32>
}

// -----

// Tests that conv2d_grad_filter round-trips, elides default attributes and
// gives the filter's shape [F, C/groups, KH, KW].
// CHECK-LABEL: func.func @conv2d_grad_filter(
// CHECK-SAME: %[[X:.*]]: tensor<?x4x32x32xf32>, %[[DY:.*]]: tensor<?x8x30x28xf32>, %[[DY2:.*]]: tensor<?x8x15x17xf32>
// CHECK: %[[DW:.*]] = nn.conv2d_grad_filter %[[X]], %[[DY]] {kernel = array<i64: 3, 5>} : tensor<?x4x32x32xf32>, tensor<?x8x30x28xf32>
// CHECK: %[[DG:.*]] = nn.conv2d_grad_filter %[[X]], %[[DY2]] {dilations = array<i64: 2, 1>, groups = 2 : i64, kernel = array<i64: 3, 3>, padding = array<i64: 1, 2, 0, 1>, strides = array<i64: 2, 2>} : tensor<?x4x32x32xf32>, tensor<?x8x15x17xf32>
// CHECK: return %[[DW]], %[[DG]] : tensor<8x4x3x5xf32>, tensor<8x2x3x3xf32>
func.func @conv2d_grad_filter(%x: tensor<?x4x32x32xf32>, %dy: tensor<?x8x30x28xf32>, %dy2: tensor<?x8x15x17xf32>) -> (tensor<8x4x3x5xf32>, tensor<8x2x3x3xf32>) {
  %0 = nn.conv2d_grad_filter %x, %dy {kernel = array<i64: 3, 5>, strides = array<i64: 1, 1>, groups = 1 : i64} : tensor<?x4x32x32xf32>, tensor<?x8x30x28xf32>
  %1 = nn.conv2d_grad_filter %x, %dy2 {kernel = array<i64: 3, 3>, strides = array<i64: 2, 2>, padding = array<i64: 1, 2, 0, 1>, dilations = array<i64: 2, 1>, groups = 2 : i64} : tensor<?x4x32x32xf32>, tensor<?x8x15x17xf32>
  return %0, %1 : tensor<8x4x3x5xf32>, tensor<8x2x3x3xf32>
}

// -----

// Tests that max_pool2d_grad round-trips with the forward op's window and
// gives dx the shape of x.
// CHECK-LABEL: func.func @max_pool2d_grad(
// CHECK-SAME: %[[X:.*]]: tensor<?x6x28x28xf32>, %[[DY:.*]]: tensor<?x6x14x14xf32>
// CHECK: %[[DX:.*]] = nn.max_pool2d_grad %[[X]], %[[DY]] {kernel = array<i64: 3, 3>, padding = array<i64: 1, 1, 1, 1>, strides = array<i64: 2, 2>} : tensor<?x6x28x28xf32>, tensor<?x6x14x14xf32>
// CHECK: return %[[DX]] : tensor<?x6x28x28xf32>
func.func @max_pool2d_grad(%x: tensor<?x6x28x28xf32>, %dy: tensor<?x6x14x14xf32>) -> tensor<?x6x28x28xf32> {
  %0 = nn.max_pool2d_grad %x, %dy {kernel = array<i64: 3, 3>, strides = array<i64: 2, 2>, padding = array<i64: 1, 1, 1, 1>} : tensor<?x6x28x28xf32>, tensor<?x6x14x14xf32>
  return %0 : tensor<?x6x28x28xf32>
}

// -----

// Tests that avg_pool2d_grad round-trips, keeps count_include_pad and takes
// H and W from input_size.
// CHECK-LABEL: func.func @avg_pool2d_grad(
// CHECK-SAME: %[[DY:.*]]: tensor<?x6x14x14xf32>
// CHECK: %[[A:.*]] = nn.avg_pool2d_grad %[[DY]] {input_size = array<i64: 28, 28>, kernel = array<i64: 2, 2>} : tensor<?x6x14x14xf32>
// CHECK: %[[B:.*]] = nn.avg_pool2d_grad %[[DY]] {count_include_pad = true, input_size = array<i64: 27, 27>, kernel = array<i64: 3, 3>, padding = array<i64: 1, 1, 1, 1>, strides = array<i64: 2, 2>} : tensor<?x6x14x14xf32>
// CHECK: return %[[A]], %[[B]] : tensor<?x6x28x28xf32>, tensor<?x6x27x27xf32>
func.func @avg_pool2d_grad(%dy: tensor<?x6x14x14xf32>) -> (tensor<?x6x28x28xf32>, tensor<?x6x27x27xf32>) {
  %0 = nn.avg_pool2d_grad %dy {input_size = array<i64: 28, 28>, kernel = array<i64: 2, 2>} : tensor<?x6x14x14xf32>
  %1 = nn.avg_pool2d_grad %dy {input_size = array<i64: 27, 27>, kernel = array<i64: 3, 3>, strides = array<i64: 2, 2>, padding = array<i64: 1, 1, 1, 1>, count_include_pad = true} : tensor<?x6x14x14xf32>
  return %0, %1 : tensor<?x6x28x28xf32>, tensor<?x6x27x27xf32>
}
