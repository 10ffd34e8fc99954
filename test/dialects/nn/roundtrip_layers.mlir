// RUN: nnc-opt %s -split-input-file | nnc-opt -split-input-file | FileCheck %s

// Tests that matmul round-trips 2-D and batched, printing only set flags.
// CHECK-LABEL: func.func @matmul(
// CHECK-SAME: %[[A:.*]]: tensor<?x784xf32>, %[[W:.*]]: tensor<512x784xf32>, %[[P:.*]]: tensor<4x8x16xf32>, %[[Q:.*]]: tensor<4x32x8xf32>
func.func @matmul(%a: tensor<?x784xf32>, %w: tensor<512x784xf32>, %p: tensor<4x8x16xf32>, %q: tensor<4x32x8xf32>) -> (tensor<?x512xf32>, tensor<4x16x32xf32>, tensor<784x784xf32>) {
  // CHECK: nn.matmul %[[A]], %[[W]] {transpose_b = true} : tensor<?x784xf32>, tensor<512x784xf32>
  // CHECK: nn.matmul %[[P]], %[[Q]] {transpose_a = true, transpose_b = true} : tensor<4x8x16xf32>, tensor<4x32x8xf32>
  // CHECK: nn.matmul %[[W]], %[[W]] {transpose_a = true} : tensor<512x784xf32>, tensor<512x784xf32>
  %0 = nn.matmul %a, %w {transpose_b = true} : tensor<?x784xf32>, tensor<512x784xf32>
  %1 = nn.matmul %p, %q {transpose_a = true, transpose_b = true} : tensor<4x8x16xf32>, tensor<4x32x8xf32>
  %2 = nn.matmul %w, %w {transpose_a = true, transpose_b = false} : tensor<512x784xf32>, tensor<512x784xf32>
  return %0, %1, %2 : tensor<?x512xf32>, tensor<4x16x32xf32>, tensor<784x784xf32>
}

// -----

// Tests that linear round-trips with [out, in] weights.
// CHECK-LABEL: func.func @linear(
// CHECK-SAME: %[[X:.*]]: tensor<?x784xf32>, %[[W:.*]]: tensor<512x784xf32>
func.func @linear(%x: tensor<?x784xf32>, %w: tensor<512x784xf32>) -> tensor<?x512xf32> {
  // CHECK: %[[Y:.*]] = nn.linear %[[X]], %[[W]] : tensor<?x784xf32>, tensor<512x784xf32>
  // CHECK: return %[[Y]] : tensor<?x512xf32>
  %0 = nn.linear %x, %w : tensor<?x784xf32>, tensor<512x784xf32>
  return %0 : tensor<?x512xf32>
}

// -----

// Tests that conv2d elides default attributes and keeps the others.
// CHECK-LABEL: func.func @conv2d(
// CHECK-SAME: %[[X:.*]]: tensor<?x4x32x32xf32>, %[[W:.*]]: tensor<8x4x3x3xf32>, %[[G:.*]]: tensor<8x2x3x3xf32>
func.func @conv2d(%x: tensor<?x4x32x32xf32>, %w: tensor<8x4x3x3xf32>, %g: tensor<8x2x3x3xf32>) -> (tensor<?x8x30x30xf32>, tensor<?x8x30x30xf32>, tensor<?x8x15x17xf32>) {
  // CHECK: nn.conv2d %[[X]], %[[W]] : tensor<?x4x32x32xf32>, tensor<8x4x3x3xf32>
  // CHECK: nn.conv2d %[[X]], %[[W]] : tensor<?x4x32x32xf32>, tensor<8x4x3x3xf32>
  // CHECK: nn.conv2d %[[X]], %[[G]] {dilations = array<i64: 2, 1>, groups = 2 : i64, padding = array<i64: 1, 2, 0, 1>, strides = array<i64: 2, 2>} : tensor<?x4x32x32xf32>, tensor<8x2x3x3xf32>
  %0 = nn.conv2d %x, %w : tensor<?x4x32x32xf32>, tensor<8x4x3x3xf32>
  %1 = nn.conv2d %x, %w {strides = array<i64: 1, 1>, padding = array<i64: 0, 0, 0, 0>, dilations = array<i64: 1, 1>, groups = 1 : i64} : tensor<?x4x32x32xf32>, tensor<8x4x3x3xf32>
  %2 = nn.conv2d %x, %g {strides = array<i64: 2, 2>, padding = array<i64: 1, 2, 0, 1>, dilations = array<i64: 2, 1>, groups = 2 : i64} : tensor<?x4x32x32xf32>, tensor<8x2x3x3xf32>
  return %0, %1, %2 : tensor<?x8x30x30xf32>, tensor<?x8x30x30xf32>, tensor<?x8x15x17xf32>
}

// -----

// Tests that max_pool2d round-trips with and without strides and padding.
// CHECK-LABEL: func.func @max_pool2d(
// CHECK-SAME: %[[X:.*]]: tensor<?x6x28x28xf32>
func.func @max_pool2d(%x: tensor<?x6x28x28xf32>) -> (tensor<?x6x14x14xf32>, tensor<?x6x14x14xf32>) {
  // CHECK: nn.max_pool2d %[[X]] {kernel = array<i64: 2, 2>} : tensor<?x6x28x28xf32>
  // CHECK: nn.max_pool2d %[[X]] {kernel = array<i64: 3, 3>, padding = array<i64: 1, 1, 1, 1>, strides = array<i64: 2, 2>} : tensor<?x6x28x28xf32>
  %0 = nn.max_pool2d %x {kernel = array<i64: 2, 2>} : tensor<?x6x28x28xf32>
  %1 = nn.max_pool2d %x {kernel = array<i64: 3, 3>, strides = array<i64: 2, 2>, padding = array<i64: 1, 1, 1, 1>} : tensor<?x6x28x28xf32>
  return %0, %1 : tensor<?x6x14x14xf32>, tensor<?x6x14x14xf32>
}

// -----

// Tests that avg_pool2d round-trips count_include_pad.
// CHECK-LABEL: func.func @avg_pool2d(
// CHECK-SAME: %[[X:.*]]: tensor<?x6x28x28xf32>
func.func @avg_pool2d(%x: tensor<?x6x28x28xf32>) -> (tensor<?x6x14x14xf32>, tensor<?x6x28x28xf32>) {
  // CHECK: nn.avg_pool2d %[[X]] {kernel = array<i64: 2, 2>} : tensor<?x6x28x28xf32>
  // CHECK: nn.avg_pool2d %[[X]] {count_include_pad = true, kernel = array<i64: 3, 3>, padding = array<i64: 1, 1, 1, 1>, strides = array<i64: 1, 1>} : tensor<?x6x28x28xf32>
  %0 = nn.avg_pool2d %x {kernel = array<i64: 2, 2>, count_include_pad = false} : tensor<?x6x28x28xf32>
  %1 = nn.avg_pool2d %x {kernel = array<i64: 3, 3>, strides = array<i64: 1, 1>, padding = array<i64: 1, 1, 1, 1>, count_include_pad = true} : tensor<?x6x28x28xf32>
  return %0, %1 : tensor<?x6x14x14xf32>, tensor<?x6x28x28xf32>
}

// -----

// Tests that lp_pool2d prints p only when it differs from 2.
// CHECK-LABEL: func.func @lp_pool2d(
// CHECK-SAME: %[[X:.*]]: tensor<?x6x28x28xf32>
func.func @lp_pool2d(%x: tensor<?x6x28x28xf32>) -> (tensor<?x6x14x14xf32>, tensor<?x6x9x9xf32>) {
  // CHECK: nn.lp_pool2d %[[X]] {kernel = array<i64: 2, 2>} : tensor<?x6x28x28xf32>
  // CHECK: nn.lp_pool2d %[[X]] {kernel = array<i64: 3, 3>, p = 3.000000e+00 : f32} : tensor<?x6x28x28xf32>
  %0 = nn.lp_pool2d %x {kernel = array<i64: 2, 2>, p = 2.0 : f32} : tensor<?x6x28x28xf32>
  %1 = nn.lp_pool2d %x {kernel = array<i64: 3, 3>, p = 3.0 : f32} : tensor<?x6x28x28xf32>
  return %0, %1 : tensor<?x6x14x14xf32>, tensor<?x6x9x9xf32>
}
