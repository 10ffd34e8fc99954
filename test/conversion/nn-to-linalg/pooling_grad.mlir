// RUN: nnc-opt %s -convert-nn-to-linalg -canonicalize -split-input-file | FileCheck %s

// Tests that max_pool2d_grad finds each window's first maximum as the
// smallest tap p·KW + q whose x (padded with NaN, which equals nothing)
// equals the window's max (pooling_nchw_max from −inf), then spreads dy and
// those taps over the input grid (stride-2 insert_slices at offset
// K − 1 − pad) and routes each dy to the tap that won, reading the spread
// tensors at (h + u, w + v) for the reflected tap (2 − u)·3 + (2 − v).

// CHECK-DAG:     #[[WIN:.*]] = affine_map<(d0, d1, d2, d3, d4, d5) -> (d0, d1, d2 * 2 + d4, d3 * 2 + d5)>
// CHECK-DAG:     #[[OUT:.*]] = affine_map<(d0, d1, d2, d3, d4, d5) -> (d0, d1, d2, d3)>
// CHECK-DAG:     #[[TAPS:.*]] = affine_map<(d0, d1, d2, d3, d4, d5) -> (d4, d5)>
// CHECK-DAG:     #[[SWEEP:.*]] = affine_map<(d0, d1, d2, d3, d4, d5) -> (d0, d1, d2 + d4, d3 + d5)>
// CHECK-LABEL: func.func @max_grad
// CHECK-SAME:    (%[[X:.*]]: tensor<?x3x7x6xf32>, %[[DY:.*]]: tensor<?x3x4x3xf32>)
// CHECK-DAG:     %[[NAN:.*]] = arith.constant 0x7FC00000 : f32
// CHECK-DAG:     %[[NEG_INF:.*]] = arith.constant 0xFF800000 : f32
// CHECK-DAG:     %[[NONE:.*]] = arith.constant 9 : i32
// CHECK:         %[[LOW:.*]] = tensor.pad %[[X]] low[0, 0, 1, 1] high[0, 0, 1, 0]
// CHECK:           tensor.yield %[[NEG_INF]] : f32
// CHECK:         %[[MAX:.*]] = linalg.pooling_nchw_max {{.*}} ins(%[[LOW]], %{{.*}} : tensor<?x3x9x7xf32>, tensor<3x3xf32>)
// CHECK:         %[[NANPAD:.*]] = tensor.pad %[[X]] low[0, 0, 1, 1] high[0, 0, 1, 0]
// CHECK:           tensor.yield %[[NAN]] : f32
// CHECK:         %[[NONES:.*]] = linalg.fill ins(%[[NONE]] : i32) outs(%{{.*}} : tensor<?x3x4x3xi32>)
// CHECK:         %[[ARG:.*]] = linalg.generic
// CHECK-SAME:      indexing_maps = [#[[WIN]], #[[OUT]], #[[TAPS]], #[[OUT]]]
// CHECK-SAME:      ins(%[[NANPAD]], %[[MAX]], %{{.*}} : tensor<?x3x9x7xf32>, tensor<?x3x4x3xf32>, tensor<3x3xf32>)
// CHECK-SAME:      outs(%[[NONES]] : tensor<?x3x4x3xi32>)
// CHECK:           %[[IS_MAX:.*]] = arith.cmpf oeq
// CHECK:           %[[CANDIDATE:.*]] = arith.select %[[IS_MAX]], %{{.*}}, %[[NONE]] : i32
// CHECK:           arith.minsi %[[CANDIDATE]], %{{.*}} : i32
// CHECK:         %[[SPREAD_DY:.*]] = tensor.insert_slice %[[DY]] into %{{.*}}[0, 0, 1, 1] [%{{.*}}, 3, 4, 3] [1, 1, 2, 2] : tensor<?x3x4x3xf32> into tensor<?x3x9x8xf32>
// CHECK:         %[[SPREAD_ARG:.*]] = tensor.insert_slice %[[ARG]] into %{{.*}}[0, 0, 1, 1] [%{{.*}}, 3, 4, 3] [1, 1, 2, 2] : tensor<?x3x4x3xi32> into tensor<?x3x9x8xi32>
// CHECK:         %[[DX:.*]] = linalg.generic
// CHECK-SAME:      indexing_maps = [#[[SWEEP]], #[[SWEEP]], #[[TAPS]], #[[OUT]]]
// CHECK-SAME:      ins(%[[SPREAD_DY]], %[[SPREAD_ARG]], %{{.*}} : tensor<?x3x9x8xf32>, tensor<?x3x9x8xi32>, tensor<3x3xf32>)
// CHECK-SAME:      outs(%{{.*}} : tensor<?x3x7x6xf32>)
// CHECK:           %[[U:.*]] = linalg.index 4 : index
// CHECK:           arith.subi %{{.*}}, %[[U]] : index
// CHECK:           %[[HIT:.*]] = arith.cmpi eq
// CHECK:           %[[ROUTED:.*]] = arith.select %[[HIT]]
// CHECK:           arith.addf %{{.*}}, %[[ROUTED]] : f32
// CHECK:         return %[[DX]]
func.func @max_grad(%x: tensor<?x3x7x6xf32>, %dy: tensor<?x3x4x3xf32>) -> tensor<?x3x7x6xf32> {
  %0 = nn.max_pool2d_grad %x, %dy {kernel = array<i64: 3, 3>, strides = array<i64: 2, 2>, padding = array<i64: 1, 1, 1, 0>} : tensor<?x3x7x6xf32>, tensor<?x3x4x3xf32>
  return %0 : tensor<?x3x7x6xf32>
}

// -----

// Tests that avg_pool2d_grad divides dy by each window's count of input
// positions (from linalg.index, as avg_pool2d does), spreads the shares
// over the input grid and sums every KH x KW window of them with stride 1.

// CHECK-LABEL: func.func @avg_grad
// CHECK-SAME:    (%[[DY:.*]]: tensor<?x3x4x3xf32>)
// CHECK:         %[[SHARES:.*]] = linalg.generic
// CHECK-SAME:      ins(%[[DY]] : tensor<?x3x4x3xf32>)
// CHECK:           linalg.index 2 : index
// CHECK:           arith.minsi
// CHECK:           arith.maxsi
// CHECK:           arith.divf
// CHECK:         %[[SPREAD:.*]] = tensor.insert_slice %[[SHARES]] into %{{.*}}[0, 0, 1, 1] [%{{.*}}, 3, 4, 3] [1, 1, 2, 2] : tensor<?x3x4x3xf32> into tensor<?x3x9x8xf32>
// CHECK:         %[[DX:.*]] = linalg.pooling_nchw_sum
// CHECK-SAME:      strides = dense<1> : vector<2xi64>
// CHECK-SAME:      ins(%[[SPREAD]], %{{.*}} : tensor<?x3x9x8xf32>, tensor<3x3xf32>)
// CHECK-SAME:      -> tensor<?x3x7x6xf32>
// CHECK:         return %[[DX]]
func.func @avg_grad(%dy: tensor<?x3x4x3xf32>) -> tensor<?x3x7x6xf32> {
  %0 = nn.avg_pool2d_grad %dy {input_size = array<i64: 7, 6>, kernel = array<i64: 3, 3>, strides = array<i64: 2, 2>, padding = array<i64: 1, 1, 1, 0>} : tensor<?x3x4x3xf32>
  return %0 : tensor<?x3x7x6xf32>
}

// -----

// Tests that with count_include_pad every share is dy / (KH·KW).

// CHECK-LABEL: func.func @avg_grad_include_pad
// CHECK:         %[[AREA:.*]] = arith.constant 9.000000e+00 : f32
// CHECK:         linalg.generic
// CHECK:           arith.divf %{{.*}}, %[[AREA]] : f32
// CHECK:         tensor.insert_slice
// CHECK:         linalg.pooling_nchw_sum
func.func @avg_grad_include_pad(%dy: tensor<?x3x4x3xf32>) -> tensor<?x3x7x6xf32> {
  %0 = nn.avg_pool2d_grad %dy {input_size = array<i64: 7, 6>, kernel = array<i64: 3, 3>, strides = array<i64: 2, 2>, padding = array<i64: 1, 1, 1, 0>, count_include_pad = true} : tensor<?x3x4x3xf32>
  return %0 : tensor<?x3x7x6xf32>
}

// -----

// Tests that when the windows tile x exactly (2x2, stride 2, no padding, the
// kernel dividing 4x6) max_pool2d_grad routes dy without a spread: one
// generic over dx viewed as [N, C, OH, KH, OW, KW] reads dy and the first
// maximum's tap at (i, j) and keeps dy where the tap is p·KW + q, then the
// view is collapsed back to [N, C, H, W].

// CHECK-DAG:   #[[WINDOW:.*]] = affine_map<(d0, d1, d2, d3, d4, d5) -> (d0, d1, d2, d4)>
// CHECK-DAG:   #[[TILE:.*]] = affine_map<(d0, d1, d2, d3, d4, d5) -> (d0, d1, d2, d3, d4, d5)>
// CHECK-LABEL: func.func @grad_max_tiled
// CHECK-SAME:    (%[[X:.*]]: tensor<?x3x4x6xf32>, %[[DY:.*]]: tensor<?x3x2x3xf32>)
// CHECK-NOT:     tensor.insert_slice
// CHECK:         linalg.pooling_nchw_max
// CHECK:         %[[ARG:.*]] = linalg.generic
// CHECK:         } -> tensor<?x3x2x3xi32>
// CHECK:         %[[TILES:.*]] = linalg.generic
// CHECK-SAME:      indexing_maps = [#[[WINDOW]], #[[WINDOW]], #[[TILE]]]
// CHECK-SAME:      ins(%[[DY]], %[[ARG]] : tensor<?x3x2x3xf32>, tensor<?x3x2x3xi32>) outs(%{{.*}} : tensor<?x3x2x2x3x2xf32>)
// CHECK:           %[[P:.*]] = linalg.index 3 : index
// CHECK:           %[[Q:.*]] = linalg.index 5 : index
// CHECK:           %[[ROW:.*]] = arith.muli %[[P]], %c2
// CHECK:           %[[TAP:.*]] = arith.addi %[[ROW]], %[[Q]]
// CHECK:           %[[TAP32:.*]] = arith.index_cast %[[TAP]] : index to i32
// CHECK:           %[[HIT:.*]] = arith.cmpi eq, %{{.*}}, %[[TAP32]] : i32
// CHECK:           arith.select %[[HIT]]
// CHECK:         %[[DX:.*]] = tensor.collapse_shape %[[TILES]] {{\[}}[0], [1], [2, 3], [4, 5]] : tensor<?x3x2x2x3x2xf32> into tensor<?x3x4x6xf32>
// CHECK:         return %[[DX]]
func.func @grad_max_tiled(%x: tensor<?x3x4x6xf32>, %dy: tensor<?x3x2x3xf32>) -> tensor<?x3x4x6xf32> {
  %0 = nn.max_pool2d_grad %x, %dy {kernel = array<i64: 2, 2>, strides = array<i64: 2, 2>} : tensor<?x3x4x6xf32>, tensor<?x3x2x3xf32>
  return %0 : tensor<?x3x4x6xf32>
}
