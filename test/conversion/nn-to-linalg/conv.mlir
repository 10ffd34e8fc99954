// RUN: nnc-opt %s -convert-nn-to-linalg -split-input-file | FileCheck %s

// Tests that conv2d pads x with zeros (top, left, bottom, right) and runs
// conv_2d_nchw_fchw with its strides into a zero-filled result.

// CHECK-LABEL: func.func @conv_padded_strided
// CHECK-SAME:    (%[[X:.*]]: tensor<2x3x8x8xf32>, %[[W:.*]]: tensor<6x3x3x3xf32>)
// CHECK:         %[[ZERO:.*]] = arith.constant 0.000000e+00 : f32
// CHECK:         %[[PAD:.*]] = tensor.pad %[[X]] low[0, 0, 1, 2] high[0, 0, 3, 0]
// CHECK:           tensor.yield %[[ZERO]] : f32
// CHECK:         } : tensor<2x3x8x8xf32> to tensor<2x3x12x10xf32>
// CHECK:         %[[EMPTY:.*]] = tensor.empty() : tensor<2x6x5x3xf32>
// CHECK:         %[[INIT:.*]] = linalg.fill ins(%[[ZERO]] : f32) outs(%[[EMPTY]] : tensor<2x6x5x3xf32>)
// CHECK:         %[[Y:.*]] = linalg.conv_2d_nchw_fchw
// CHECK-SAME:      dilations = dense<1> : vector<2xi64>
// CHECK-SAME:      strides = dense<[2, 3]> : vector<2xi64>
// CHECK-SAME:      ins(%[[PAD]], %[[W]] : tensor<2x3x12x10xf32>, tensor<6x3x3x3xf32>)
// CHECK-SAME:      outs(%[[INIT]] : tensor<2x6x5x3xf32>)
// CHECK:         return %[[Y]]
func.func @conv_padded_strided(%x: tensor<2x3x8x8xf32>, %w: tensor<6x3x3x3xf32>) -> tensor<2x6x5x3xf32> {
  %y = nn.conv2d %x, %w {strides = array<i64: 2, 3>, padding = array<i64: 1, 2, 3, 0>} : tensor<2x3x8x8xf32>, tensor<6x3x3x3xf32>
  return %y : tensor<2x6x5x3xf32>
}

// -----

// Tests that a conv2d without padding reads x directly and that dilations
// reach the named op.

// CHECK-LABEL: func.func @conv_dilated
// CHECK-SAME:    (%[[X:.*]]: tensor<1x2x9x9xf32>, %[[W:.*]]: tensor<4x2x3x3xf32>)
// CHECK-NOT:     tensor.pad
// CHECK:         linalg.conv_2d_nchw_fchw
// CHECK-SAME:      dilations = dense<[2, 3]> : vector<2xi64>
// CHECK-SAME:      strides = dense<1> : vector<2xi64>
// CHECK-SAME:      ins(%[[X]], %[[W]] : tensor<1x2x9x9xf32>, tensor<4x2x3x3xf32>)
// CHECK-SAME:      -> tensor<1x4x5x3xf32>
func.func @conv_dilated(%x: tensor<1x2x9x9xf32>, %w: tensor<4x2x3x3xf32>) -> tensor<1x4x5x3xf32> {
  %y = nn.conv2d %x, %w {dilations = array<i64: 2, 3>} : tensor<1x2x9x9xf32>, tensor<4x2x3x3xf32>
  return %y : tensor<1x4x5x3xf32>
}

// -----

// Tests that a dynamic batch is read from the padded input with tensor.dim
// and sizes the zero-filled result.

// CHECK-LABEL: func.func @conv_dynamic_batch
// CHECK-SAME:    (%[[X:.*]]: tensor<?x3x8x8xf32>, %[[W:.*]]: tensor<6x3x5x5xf32>)
// CHECK:         %[[PAD:.*]] = tensor.pad %[[X]] low[0, 0, 2, 2] high[0, 0, 2, 2]
// CHECK:         } : tensor<?x3x8x8xf32> to tensor<?x3x12x12xf32>
// CHECK:         %[[C0:.*]] = arith.constant 0 : index
// CHECK:         %[[N:.*]] = tensor.dim %[[PAD]], %[[C0]] : tensor<?x3x12x12xf32>
// CHECK:         %[[EMPTY:.*]] = tensor.empty(%[[N]]) : tensor<?x6x8x8xf32>
// CHECK:         %[[INIT:.*]] = linalg.fill ins(%{{.*}} : f32) outs(%[[EMPTY]] : tensor<?x6x8x8xf32>)
// CHECK:         %[[Y:.*]] = linalg.conv_2d_nchw_fchw
// CHECK-SAME:      ins(%[[PAD]], %[[W]] : tensor<?x3x12x12xf32>, tensor<6x3x5x5xf32>)
// CHECK-SAME:      outs(%[[INIT]] : tensor<?x6x8x8xf32>)
// CHECK:         return %[[Y]] : tensor<?x6x8x8xf32>
func.func @conv_dynamic_batch(%x: tensor<?x3x8x8xf32>, %w: tensor<6x3x5x5xf32>) -> tensor<?x6x8x8xf32> {
  %y = nn.conv2d %x, %w {padding = array<i64: 2, 2, 2, 2>} : tensor<?x3x8x8xf32>, tensor<6x3x5x5xf32>
  return %y : tensor<?x6x8x8xf32>
}

// -----

// Tests that groups > 1 views x as [N, G, C/G, H, W] and the filter as
// [G, F/G, C/G, KH, KW], runs conv_2d_ngchw_gfchw and collapses [G, F/G]
// back into F, with a dynamic batch.

// CHECK-LABEL: func.func @conv_grouped
// CHECK-SAME:    (%[[X:.*]]: tensor<?x4x6x6xf32>, %[[W:.*]]: tensor<6x2x3x3xf32>)
// CHECK:         %[[PAD:.*]] = tensor.pad %[[X]] low[0, 0, 1, 1] high[0, 0, 1, 1]
// CHECK:         %[[XG:.*]] = tensor.expand_shape %[[PAD]] {{\[}}[0], [1, 2], [3], [4]]
// CHECK-SAME:      output_shape [%{{.*}}, 2, 2, 8, 8] : tensor<?x4x8x8xf32> into tensor<?x2x2x8x8xf32>
// CHECK:         %[[WG:.*]] = tensor.expand_shape %[[W]] {{\[}}[0, 1], [2], [3], [4]]
// CHECK-SAME:      output_shape [2, 3, 2, 3, 3] : tensor<6x2x3x3xf32> into tensor<2x3x2x3x3xf32>
// CHECK:         %[[INIT:.*]] = linalg.fill ins(%{{.*}} : f32) outs(%{{.*}} : tensor<?x2x3x3x3xf32>)
// CHECK:         %[[YG:.*]] = linalg.conv_2d_ngchw_gfchw
// CHECK-SAME:      strides = dense<2> : vector<2xi64>
// CHECK-SAME:      ins(%[[XG]], %[[WG]] : tensor<?x2x2x8x8xf32>, tensor<2x3x2x3x3xf32>)
// CHECK-SAME:      outs(%[[INIT]] : tensor<?x2x3x3x3xf32>)
// CHECK:         %[[Y:.*]] = tensor.collapse_shape %[[YG]] {{\[}}[0], [1, 2], [3], [4]]
// CHECK-SAME:      : tensor<?x2x3x3x3xf32> into tensor<?x6x3x3xf32>
// CHECK:         return %[[Y]]
func.func @conv_grouped(%x: tensor<?x4x6x6xf32>, %w: tensor<6x2x3x3xf32>) -> tensor<?x6x3x3xf32> {
  %y = nn.conv2d %x, %w {groups = 2 : i64, strides = array<i64: 2, 2>, padding = array<i64: 1, 1, 1, 1>} : tensor<?x4x6x6xf32>, tensor<6x2x3x3xf32>
  return %y : tensor<?x6x3x3xf32>
}

// -----

// Tests that one filter per channel (groups = C = F) becomes
// depthwise_conv_2d_nchw_chw on the filter collapsed to [C, KH, KW].

// CHECK-LABEL: func.func @conv_depthwise
// CHECK-SAME:    (%[[X:.*]]: tensor<?x8x5x5xf32>, %[[W:.*]]: tensor<8x1x3x3xf32>)
// CHECK:         %[[K:.*]] = tensor.collapse_shape %[[W]] {{\[}}[0, 1], [2], [3]] : tensor<8x1x3x3xf32> into tensor<8x3x3xf32>
// CHECK:         %[[Y:.*]] = linalg.depthwise_conv_2d_nchw_chw
// CHECK-SAME:      ins(%[[X]], %[[K]] : tensor<?x8x5x5xf32>, tensor<8x3x3xf32>)
// CHECK-SAME:      -> tensor<?x8x3x3xf32>
// CHECK:         return %[[Y]]
func.func @conv_depthwise(%x: tensor<?x8x5x5xf32>, %w: tensor<8x1x3x3xf32>) -> tensor<?x8x3x3xf32> {
  %y = nn.conv2d %x, %w {groups = 8 : i64} : tensor<?x8x5x5xf32>, tensor<8x1x3x3xf32>
  return %y : tensor<?x8x3x3xf32>
}

// -----

// Tests that a depth multiplier (groups = C, F = 2·C) is a grouped
// convolution, not a depthwise one.

// CHECK-LABEL: func.func @conv_depth_multiplier
// CHECK-NOT:     linalg.depthwise_conv_2d_nchw_chw
// CHECK:         linalg.conv_2d_ngchw_gfchw
// CHECK-SAME:      tensor<1x4x1x5x5xf32>, tensor<4x2x1x3x3xf32>
// CHECK-SAME:      -> tensor<1x4x2x3x3xf32>
func.func @conv_depth_multiplier(%x: tensor<1x4x5x5xf32>, %w: tensor<8x1x3x3xf32>) -> tensor<1x8x3x3xf32> {
  %y = nn.conv2d %x, %w {groups = 4 : i64} : tensor<1x4x5x5xf32>, tensor<8x1x3x3xf32>
  return %y : tensor<1x8x3x3xf32>
}

// -----

// Tests that the element type carries through: f64 zeros and accumulator.

// CHECK-LABEL: func.func @conv_f64
// CHECK:         %[[ZERO:.*]] = arith.constant 0.000000e+00 : f64
// CHECK:         linalg.fill ins(%[[ZERO]] : f64)
// CHECK:         linalg.conv_2d_nchw_fchw
// CHECK-SAME:      -> tensor<?x2x2x2xf64>
func.func @conv_f64(%x: tensor<?x1x3x3xf64>, %w: tensor<2x1x2x2xf64>) -> tensor<?x2x2x2xf64> {
  %y = nn.conv2d %x, %w : tensor<?x1x3x3xf64>, tensor<2x1x2x2xf64>
  return %y : tensor<?x2x2x2xf64>
}
