// RUN: nnc-opt %s -convert-nn-to-linalg -split-input-file | FileCheck %s

// Tests that max_pool2d runs pooling_nchw_max from −inf, with the strides
// defaulting to the kernel and no padding.

// CHECK-LABEL: func.func @max_pool_default_strides
// CHECK-SAME:    (%[[X:.*]]: tensor<1x2x4x4xf32>)
// CHECK-NOT:     tensor.pad
// CHECK:         %[[NEG_INF:.*]] = arith.constant 0xFF800000 : f32
// CHECK:         %[[EMPTY:.*]] = tensor.empty() : tensor<1x2x2x2xf32>
// CHECK:         %[[INIT:.*]] = linalg.fill ins(%[[NEG_INF]] : f32) outs(%[[EMPTY]] : tensor<1x2x2x2xf32>)
// CHECK:         %[[WINDOW:.*]] = tensor.empty() : tensor<2x2xf32>
// CHECK:         %[[Y:.*]] = linalg.pooling_nchw_max
// CHECK-SAME:      dilations = dense<1> : vector<2xi64>
// CHECK-SAME:      strides = dense<2> : vector<2xi64>
// CHECK-SAME:      ins(%[[X]], %[[WINDOW]] : tensor<1x2x4x4xf32>, tensor<2x2xf32>)
// CHECK-SAME:      outs(%[[INIT]] : tensor<1x2x2x2xf32>)
// CHECK:         return %[[Y]]
func.func @max_pool_default_strides(%x: tensor<1x2x4x4xf32>) -> tensor<1x2x2x2xf32> {
  %y = nn.max_pool2d %x {kernel = array<i64: 2, 2>} : tensor<1x2x4x4xf32>
  return %y : tensor<1x2x2x2xf32>
}

// -----

// Tests that max_pool2d pads with −inf so that padding never wins, and that
// a dynamic batch sizes the result with tensor.dim.

// CHECK-LABEL: func.func @max_pool_padded_dynamic
// CHECK-SAME:    (%[[X:.*]]: tensor<?x3x7x6xf32>)
// CHECK:         %[[NEG_INF:.*]] = arith.constant 0xFF800000 : f32
// CHECK:         %[[PAD:.*]] = tensor.pad %[[X]] low[0, 0, 1, 1] high[0, 0, 1, 0]
// CHECK:           tensor.yield %[[NEG_INF]] : f32
// CHECK:         } : tensor<?x3x7x6xf32> to tensor<?x3x9x7xf32>
// CHECK:         %[[N:.*]] = tensor.dim %[[PAD]], %{{.*}} : tensor<?x3x9x7xf32>
// CHECK:         %[[EMPTY:.*]] = tensor.empty(%[[N]]) : tensor<?x3x4x3xf32>
// CHECK:         %[[INIT:.*]] = linalg.fill ins(%[[NEG_INF]] : f32) outs(%[[EMPTY]]
// CHECK:         linalg.pooling_nchw_max
// CHECK-SAME:      strides = dense<2> : vector<2xi64>
// CHECK-SAME:      ins(%[[PAD]], %{{.*}} : tensor<?x3x9x7xf32>, tensor<3x3xf32>)
// CHECK-SAME:      outs(%[[INIT]] : tensor<?x3x4x3xf32>)
func.func @max_pool_padded_dynamic(%x: tensor<?x3x7x6xf32>) -> tensor<?x3x4x3xf32> {
  %y = nn.max_pool2d %x {kernel = array<i64: 3, 3>, strides = array<i64: 2, 2>, padding = array<i64: 1, 1, 1, 0>} : tensor<?x3x7x6xf32>
  return %y : tensor<?x3x4x3xf32>
}

// -----

// Tests that avg_pool2d with count_include_pad sums the zero-padded windows
// and divides every sum by KH·KW.

// CHECK-LABEL: func.func @avg_pool_include_pad
// CHECK-SAME:    (%[[X:.*]]: tensor<?x3x7x6xf32>)
// CHECK:         %[[ZERO:.*]] = arith.constant 0.000000e+00 : f32
// CHECK:         %[[PAD:.*]] = tensor.pad %[[X]] low[0, 0, 1, 1] high[0, 0, 1, 0]
// CHECK:           tensor.yield %[[ZERO]] : f32
// CHECK:         %[[INIT:.*]] = linalg.fill ins(%[[ZERO]] : f32)
// CHECK:         %[[SUM:.*]] = linalg.pooling_nchw_sum
// CHECK-SAME:      strides = dense<[2, 1]> : vector<2xi64>
// CHECK-SAME:      ins(%[[PAD]], %{{.*}} : tensor<?x3x9x7xf32>, tensor<3x2xf32>)
// CHECK-SAME:      outs(%[[INIT]] : tensor<?x3x4x6xf32>)
// CHECK:         %[[SIX:.*]] = arith.constant 6.000000e+00 : f32
// CHECK:         %[[Y:.*]] = linalg.generic
// CHECK-SAME:      ins(%[[SUM]] : tensor<?x3x4x6xf32>)
// CHECK:         ^bb0(%[[S:.*]]: f32, %{{.*}}: f32):
// CHECK:           %[[AVG:.*]] = arith.divf %[[S]], %[[SIX]] : f32
// CHECK:           linalg.yield %[[AVG]]
// CHECK:         return %[[Y]]
func.func @avg_pool_include_pad(%x: tensor<?x3x7x6xf32>) -> tensor<?x3x4x6xf32> {
  %y = nn.avg_pool2d %x {kernel = array<i64: 3, 2>, strides = array<i64: 2, 1>, padding = array<i64: 1, 1, 1, 0>, count_include_pad = true} : tensor<?x3x7x6xf32>
  return %y : tensor<?x3x4x6xf32>
}

// -----

// Tests that avg_pool2d without count_include_pad divides each sum by the
// number of window elements inside x, computed from linalg.index:
// min(o·stride − pad + K, size) − max(o·stride − pad, 0) per axis.

// CHECK-LABEL: func.func @avg_pool_exclude_pad
// CHECK:         %[[SUM:.*]] = linalg.pooling_nchw_sum
// CHECK-DAG:     %[[H:.*]] = arith.constant 7 : index
// CHECK-DAG:     %[[W:.*]] = arith.constant 6 : index
// CHECK:         linalg.generic
// CHECK-SAME:      ins(%[[SUM]] : tensor<?x3x4x6xf32>)
// CHECK:         ^bb0(%[[S:.*]]: f32, %{{.*}}: f32):
// CHECK:           %[[OH:.*]] = linalg.index 2 : index
// CHECK:           %[[OW:.*]] = linalg.index 3 : index
// CHECK:           %[[SH:.*]] = arith.muli %[[OH]], %{{.*}} : index
// CHECK:           %[[START:.*]] = arith.subi %[[SH]], %{{.*}} : index
// CHECK:           %[[END:.*]] = arith.addi %[[START]], %{{.*}} : index
// CHECK:           %[[CEND:.*]] = arith.minsi %[[END]], %[[H]] : index
// CHECK:           %[[CSTART:.*]] = arith.maxsi %[[START]], %{{.*}} : index
// CHECK:           %[[ROWS:.*]] = arith.subi %[[CEND]], %[[CSTART]] : index
// CHECK:           arith.minsi %{{.*}}, %[[W]] : index
// CHECK:           %[[COLS:.*]] = arith.subi
// CHECK:           %[[COUNT:.*]] = arith.muli %[[ROWS]], %[[COLS]] : index
// CHECK:           %[[I:.*]] = arith.index_cast %[[COUNT]] : index to i64
// CHECK:           %[[F:.*]] = arith.sitofp %[[I]] : i64 to f32
// CHECK:           %[[AVG:.*]] = arith.divf %[[S]], %[[F]] : f32
// CHECK:           linalg.yield %[[AVG]]
func.func @avg_pool_exclude_pad(%x: tensor<?x3x7x6xf32>) -> tensor<?x3x4x6xf32> {
  %y = nn.avg_pool2d %x {kernel = array<i64: 3, 2>, strides = array<i64: 2, 1>, padding = array<i64: 1, 1, 1, 0>} : tensor<?x3x7x6xf32>
  return %y : tensor<?x3x4x6xf32>
}

// -----

// Tests that the non-padding count reads dynamic spatial sizes with
// tensor.dim instead of assuming a shape.

// CHECK-LABEL: func.func @avg_pool_exclude_pad_dynamic_spatial
// CHECK-SAME:    (%[[X:.*]]: tensor<?x2x?x?xf32>)
// CHECK:         %[[H:.*]] = tensor.dim %[[X]], %{{.*}} : tensor<?x2x?x?xf32>
// CHECK:         %[[W:.*]] = tensor.dim %[[X]], %{{.*}} : tensor<?x2x?x?xf32>
// CHECK:         linalg.generic
// CHECK:           arith.minsi %{{.*}}, %[[H]] : index
// CHECK:           arith.minsi %{{.*}}, %[[W]] : index
func.func @avg_pool_exclude_pad_dynamic_spatial(%x: tensor<?x2x?x?xf32>) -> tensor<?x2x?x?xf32> {
  %y = nn.avg_pool2d %x {kernel = array<i64: 3, 3>, strides = array<i64: 1, 1>, padding = array<i64: 1, 1, 1, 1>} : tensor<?x2x?x?xf32>
  return %y : tensor<?x2x?x?xf32>
}

// -----

// Tests that without padding both counting modes divide by KH·KW.

// CHECK-LABEL: func.func @avg_pool_unpadded
// CHECK-NOT:     linalg.index
// CHECK:         %[[FOUR:.*]] = arith.constant 4.000000e+00 : f32
// CHECK:         arith.divf %{{.*}}, %[[FOUR]] : f32
func.func @avg_pool_unpadded(%x: tensor<?x3x8x8xf32>) -> tensor<?x3x4x4xf32> {
  %y = nn.avg_pool2d %x {kernel = array<i64: 2, 2>} : tensor<?x3x8x8xf32>
  return %y : tensor<?x3x4x4xf32>
}

// -----

// Tests that lp_pool2d with p = 2 squares, sums the windows and takes sqrt.

// CHECK-LABEL: func.func @lp_pool_p2
// CHECK-SAME:    (%[[X:.*]]: tensor<?x3x8x8xf32>)
// CHECK:         %[[SQ:.*]] = linalg.generic
// CHECK-SAME:      ins(%[[X]] : tensor<?x3x8x8xf32>)
// CHECK:         ^bb0(%[[V:.*]]: f32, %{{.*}}: f32):
// CHECK:           arith.mulf %[[V]], %[[V]] : f32
// CHECK:         %[[SUM:.*]] = linalg.pooling_nchw_sum
// CHECK-SAME:      ins(%[[SQ]], %{{.*}} : tensor<?x3x8x8xf32>, tensor<2x2xf32>)
// CHECK:         linalg.generic
// CHECK-SAME:      ins(%[[SUM]] : tensor<?x3x4x4xf32>)
// CHECK:           math.sqrt
func.func @lp_pool_p2(%x: tensor<?x3x8x8xf32>) -> tensor<?x3x4x4xf32> {
  %y = nn.lp_pool2d %x {kernel = array<i64: 2, 2>} : tensor<?x3x8x8xf32>
  return %y : tensor<?x3x4x4xf32>
}

// -----

// Tests that a general p raises |x| to p, pads with zeros and takes the
// 1/p power of each window sum.

// CHECK-LABEL: func.func @lp_pool_p3_padded
// CHECK:         linalg.generic
// CHECK:           %[[ABS:.*]] = math.absf %{{.*}} : f32
// CHECK:           %[[P:.*]] = arith.constant 3.000000e+00 : f32
// CHECK:           math.powf %[[ABS]], %[[P]] : f32
// CHECK:         tensor.pad
// CHECK:         linalg.pooling_nchw_sum
// CHECK-SAME:      strides = dense<1> : vector<2xi64>
// CHECK:         linalg.generic
// CHECK:           %[[INV:.*]] = arith.constant 0.333333343 : f32
// CHECK:           math.powf %{{.*}}, %[[INV]] : f32
func.func @lp_pool_p3_padded(%x: tensor<?x3x8x8xf32>) -> tensor<?x3x8x8xf32> {
  %y = nn.lp_pool2d %x {kernel = array<i64: 3, 3>, strides = array<i64: 1, 1>, padding = array<i64: 1, 1, 1, 1>, p = 3.0 : f32} : tensor<?x3x8x8xf32>
  return %y : tensor<?x3x8x8xf32>
}
