// RUN: nnc-opt %s -convert-nn-to-linalg -split-input-file | FileCheck %s

// Tests that conv2d_grad_input is the transposed convolution: dy spread with
// the forward strides onto a zero [N, F, H + KH − 1, W + KW − 1] tensor at
// offset K − 1 − pad (a strided insert_slice, the dynamic batch read with
// tensor.dim), correlated with stride 1 by the filter with its kernels
// rotated and its filters and channels swapped, read at flipped indices.

// CHECK-LABEL: func.func @grad_input
// CHECK-SAME:    (%[[DY:.*]]: tensor<?x4x3x4xf32>, %[[W:.*]]: tensor<4x3x3x2xf32>)
// CHECK:         %[[ZERO:.*]] = arith.constant 0.000000e+00 : f32
// CHECK:         %[[N:.*]] = tensor.dim %[[DY]], %{{.*}} : tensor<?x4x3x4xf32>
// CHECK:         %[[EMPTY:.*]] = tensor.empty(%[[N]]) : tensor<?x4x9x9xf32>
// CHECK:         %[[ZEROS:.*]] = linalg.fill ins(%[[ZERO]] : f32) outs(%[[EMPTY]] : tensor<?x4x9x9xf32>)
// CHECK:         %[[SPREAD:.*]] = tensor.insert_slice %[[DY]] into %[[ZEROS]][0, 0, 1, 1] [%{{.*}}, 4, 3, 4] [1, 1, 2, 2]
// CHECK:         %[[WT:.*]] = linalg.generic
// CHECK-SAME:      outs(%{{.*}} : tensor<3x4x3x2xf32>)
// CHECK:           %[[C:.*]] = linalg.index 0 : index
// CHECK:           %[[KH:.*]] = arith.subi %{{.*}}, %{{.*}} : index
// CHECK:           %[[KW:.*]] = arith.subi %{{.*}}, %{{.*}} : index
// CHECK:           %[[TAP:.*]] = tensor.extract %[[W]][%{{.*}}, %{{.*}}, %[[KH]], %[[KW]]] : tensor<4x3x3x2xf32>
// CHECK:           linalg.yield %[[TAP]] : f32
// CHECK:         %[[INIT:.*]] = linalg.fill ins(%[[ZERO]] : f32) outs(%{{.*}} : tensor<?x3x7x8xf32>)
// CHECK:         %[[DX:.*]] = linalg.conv_2d_nchw_fchw
// CHECK-SAME:      dilations = dense<1> : vector<2xi64>
// CHECK-SAME:      strides = dense<1> : vector<2xi64>
// CHECK-SAME:      ins(%[[SPREAD]], %[[WT]] : tensor<?x4x9x9xf32>, tensor<3x4x3x2xf32>)
// CHECK-SAME:      outs(%[[INIT]] : tensor<?x3x7x8xf32>)
// CHECK:         return %[[DX]]
func.func @grad_input(%dy: tensor<?x4x3x4xf32>, %w: tensor<4x3x3x2xf32>) -> tensor<?x3x7x8xf32> {
  %0 = nn.conv2d_grad_input %dy, %w {input_size = array<i64: 7, 8>, strides = array<i64: 2, 2>, padding = array<i64: 1, 0, 0, 1>} : tensor<?x4x3x4xf32>, tensor<4x3x3x2xf32>
  return %0 : tensor<?x3x7x8xf32>
}

// -----

// Tests that conv2d_grad_input drops the rows and columns of dy whose
// windows lie in padding wider than the kernel (an extract_slice before the
// spread), and that groups take the grouped named convolution.

// CHECK-LABEL: func.func @grad_input_cropped_groups
// CHECK-SAME:    (%[[DY:.*]]: tensor<2x4x5x5xf32>, %[[W:.*]]: tensor<4x2x1x1xf32>)
// CHECK:         %[[INNER:.*]] = tensor.extract_slice %[[DY]][0, 0, 1, 1] [2, 4, 3, 3] [1, 1, 1, 1]
// CHECK:         %[[SPREAD:.*]] = tensor.insert_slice %[[INNER]] into %{{.*}}[0, 0, 0, 0] [2, 4, 3, 3] [1, 1, 1, 1]
// CHECK:         %[[WT:.*]] = linalg.generic
// CHECK-SAME:      outs(%{{.*}} : tensor<4x2x1x1xf32>)
// CHECK:         %[[X:.*]] = tensor.expand_shape %[[SPREAD]] {{\[}}[0], [1, 2], [3], [4]] output_shape [2, 2, 2, 3, 3]
// CHECK:         %[[G:.*]] = tensor.expand_shape %[[WT]] {{\[}}[0, 1], [2], [3], [4]] output_shape [2, 2, 2, 1, 1]
// CHECK:         %[[DX:.*]] = linalg.conv_2d_ngchw_gfchw
// CHECK-SAME:      ins(%[[X]], %[[G]] : tensor<2x2x2x3x3xf32>, tensor<2x2x2x1x1xf32>)
// CHECK:         tensor.collapse_shape %[[DX]] {{\[}}[0], [1, 2], [3], [4]] : tensor<2x2x2x3x3xf32> into tensor<2x4x3x3xf32>
func.func @grad_input_cropped_groups(%dy: tensor<2x4x5x5xf32>, %w: tensor<4x2x1x1xf32>) -> tensor<2x4x3x3xf32> {
  %0 = nn.conv2d_grad_input %dy, %w {input_size = array<i64: 3, 3>, padding = array<i64: 1, 1, 1, 1>, groups = 2 : i64} : tensor<2x4x5x5xf32>, tensor<4x2x1x1xf32>
  return %0 : tensor<2x4x3x3xf32>
}

// -----

// Tests that conv2d_grad_filter is a GEMM per image: the window columns of
// the padded x (im2col, x read at i·sh + p·dh and j·sw + q·dw) collapsed to
// [N, G, C/G·KH·KW, OH·OW], multiplied by dy viewed as [N, G, F/G, OH·OW]
// with (n, g) as batch and OH·OW as k, and the per-image products summed over
// the batch (an outer reduction loop), then reshaped to [F, C/G, KH, KW].

// CHECK-DAG:     #[[XMAP:.*]] = affine_map<(d0, d1, d2, d3, d4, d5, d6) -> (d0, d1, d2, d5 * 2 + d3, d6 * 2 + d4 * 2)>
// CHECK-DAG:     #[[COLMAP:.*]] = affine_map<(d0, d1, d2, d3, d4, d5, d6) -> (d0, d1, d2, d3, d4, d5, d6)>
// CHECK-DAG:     #[[AMAP:.*]] = affine_map<(d0, d1, d2, d3, d4) -> (d0, d1, d2, d4)>
// CHECK-DAG:     #[[BMAP:.*]] = affine_map<(d0, d1, d2, d3, d4) -> (d0, d1, d3, d4)>
// CHECK-DAG:     #[[CMAP:.*]] = affine_map<(d0, d1, d2, d3, d4) -> (d0, d1, d2, d3)>
// CHECK-DAG:     #[[PARTIALMAP:.*]] = affine_map<(d0, d1, d2, d3) -> (d1, d0, d2, d3)>
// CHECK-DAG:     #[[SUMMAP:.*]] = affine_map<(d0, d1, d2, d3) -> (d0, d2, d3)>
// CHECK-LABEL: func.func @grad_filter
// CHECK-SAME:    (%[[X:.*]]: tensor<?x4x7x8xf32>, %[[DY:.*]]: tensor<?x6x3x4xf32>)
// CHECK:         %[[PAD:.*]] = tensor.pad %[[X]] low[0, 0, 1, 0] high[0, 0, 0, 1]
// CHECK:         %[[XG:.*]] = tensor.expand_shape %[[PAD]] {{\[}}[0], [1, 2], [3], [4]] output_shape [%{{.*}}, 2, 2, 8, 9]
// CHECK:         %[[DYG:.*]] = tensor.expand_shape %[[DY]] {{\[}}[0], [1, 2], [3], [4]] output_shape [%{{.*}}, 2, 3, 3, 4]
// CHECK:         %[[COL:.*]] = linalg.generic
// CHECK-SAME:      indexing_maps = [#[[XMAP]], #[[COLMAP]]]
// CHECK-SAME:      ins(%[[XG]] : tensor<?x2x2x8x9xf32>) outs(%{{.*}} : tensor<?x2x2x3x2x3x4xf32>)
// CHECK:           linalg.yield
// CHECK:         %[[B:.*]] = tensor.collapse_shape %[[COL]] {{\[}}[0], [1], [2, 3, 4], [5, 6]] : tensor<?x2x2x3x2x3x4xf32> into tensor<?x2x12x12xf32>
// CHECK:         %[[A:.*]] = tensor.collapse_shape %[[DYG]] {{\[}}[0], [1], [2], [3, 4]] : tensor<?x2x3x3x4xf32> into tensor<?x2x3x12xf32>
// CHECK:         %[[ZEROS:.*]] = linalg.fill ins(%{{.*}} : f32) outs(%{{.*}} : tensor<?x2x3x12xf32>)
// CHECK:         %[[PARTIAL:.*]] = linalg.generic
// CHECK-SAME:      indexing_maps = [#[[AMAP]], #[[BMAP]], #[[CMAP]]]
// CHECK-SAME:      iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction"]
// CHECK-SAME:      ins(%[[A]], %[[B]] : tensor<?x2x3x12xf32>, tensor<?x2x12x12xf32>)
// CHECK-SAME:      outs(%[[ZEROS]] : tensor<?x2x3x12xf32>)
// CHECK:           arith.mulf
// CHECK:           arith.addf
// CHECK:         %[[INIT:.*]] = linalg.fill ins(%{{.*}} : f32) outs(%{{.*}} : tensor<2x3x12xf32>)
// CHECK:         %[[SUM:.*]] = linalg.generic
// CHECK-SAME:      indexing_maps = [#[[PARTIALMAP]], #[[SUMMAP]]]
// CHECK-SAME:      iterator_types = ["parallel", "reduction", "parallel", "parallel"]
// CHECK-SAME:      ins(%[[PARTIAL]] : tensor<?x2x3x12xf32>) outs(%[[INIT]] : tensor<2x3x12xf32>)
// CHECK:           arith.addf
// CHECK:         %[[DW:.*]] = tensor.collapse_shape %[[SUM]] {{\[}}[0, 1], [2]] : tensor<2x3x12xf32> into tensor<6x12xf32>
// CHECK:         %[[R:.*]] = tensor.expand_shape %[[DW]] {{\[}}[0], [1, 2, 3]] output_shape [6, 2, 3, 2] : tensor<6x12xf32> into tensor<6x2x3x2xf32>
// CHECK:         return %[[R]]
func.func @grad_filter(%x: tensor<?x4x7x8xf32>, %dy: tensor<?x6x3x4xf32>) -> tensor<6x2x3x2xf32> {
  %0 = nn.conv2d_grad_filter %x, %dy {kernel = array<i64: 3, 2>, strides = array<i64: 2, 2>, padding = array<i64: 1, 0, 0, 1>, dilations = array<i64: 1, 2>, groups = 2 : i64} : tensor<?x4x7x8xf32>, tensor<?x6x3x4xf32>
  return %0 : tensor<6x2x3x2xf32>
}
