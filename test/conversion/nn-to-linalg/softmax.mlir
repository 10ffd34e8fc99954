// RUN: nnc-opt %s -convert-nn-to-linalg -split-input-file | FileCheck %s

// Tests that softmax along the last axis (the default −1) takes the row
// maximum from −inf, sums exp(x − max) and divides, with a dynamic batch.

// CHECK-DAG:   #[[ID:.*]] = affine_map<(d0, d1) -> (d0, d1)>
// CHECK-DAG:   #[[ROW:.*]] = affine_map<(d0, d1) -> (d0)>
// CHECK-LABEL: func.func @softmax_last_axis
// CHECK-SAME:    (%[[X:.*]]: tensor<?x10xf32>)
// CHECK:         %[[N:.*]] = tensor.dim %[[X]], %{{.*}} : tensor<?x10xf32>
// CHECK:         %[[NEG_INF:.*]] = arith.constant 0xFF800000 : f32
// CHECK:         %[[ME:.*]] = tensor.empty(%[[N]]) : tensor<?xf32>
// CHECK:         %[[MI:.*]] = linalg.fill ins(%[[NEG_INF]] : f32) outs(%[[ME]] : tensor<?xf32>)
// CHECK:         %[[MAX:.*]] = linalg.generic
// CHECK-SAME:      indexing_maps = [#[[ID]], #[[ROW]]]
// CHECK-SAME:      iterator_types = ["parallel", "reduction"]
// CHECK-SAME:      ins(%[[X]] : tensor<?x10xf32>) outs(%[[MI]] : tensor<?xf32>)
// CHECK:           arith.maximumf
// CHECK:         %[[SUM:.*]] = linalg.generic
// CHECK-SAME:      indexing_maps = [#[[ID]], #[[ROW]], #[[ROW]]]
// CHECK-SAME:      iterator_types = ["parallel", "reduction"]
// CHECK-SAME:      ins(%[[X]], %[[MAX]] : tensor<?x10xf32>, tensor<?xf32>)
// CHECK:         ^bb0(%[[V:.*]]: f32, %[[M:.*]]: f32, %[[ACC:.*]]: f32):
// CHECK:           %[[D:.*]] = arith.subf %[[V]], %[[M]] : f32
// CHECK:           %[[E:.*]] = math.exp %[[D]] : f32
// CHECK:           arith.addf %[[ACC]], %[[E]] : f32
// CHECK:         %[[Y:.*]] = linalg.generic
// CHECK-SAME:      indexing_maps = [#[[ID]], #[[ROW]], #[[ROW]], #[[ID]]]
// CHECK-SAME:      iterator_types = ["parallel", "parallel"]
// CHECK-SAME:      ins(%[[X]], %[[MAX]], %[[SUM]] : tensor<?x10xf32>, tensor<?xf32>, tensor<?xf32>)
// CHECK:         ^bb0(%[[V2:.*]]: f32, %[[M2:.*]]: f32, %[[S2:.*]]: f32, %{{.*}}: f32):
// CHECK:           %[[D2:.*]] = arith.subf %[[V2]], %[[M2]] : f32
// CHECK:           %[[E2:.*]] = math.exp %[[D2]] : f32
// CHECK:           %[[P:.*]] = arith.divf %[[E2]], %[[S2]] : f32
// CHECK:           linalg.yield %[[P]]
// CHECK:         return %[[Y]]
func.func @softmax_last_axis(%x: tensor<?x10xf32>) -> tensor<?x10xf32> {
  %y = nn.softmax %x : tensor<?x10xf32>
  return %y : tensor<?x10xf32>
}

// -----

// Tests that softmax along a middle axis reduces that loop dimension only and
// broadcasts the statistics back along it.

// CHECK-DAG:   #[[ID3:.*]] = affine_map<(d0, d1, d2) -> (d0, d1, d2)>
// CHECK-DAG:   #[[DROP1:.*]] = affine_map<(d0, d1, d2) -> (d0, d2)>
// CHECK-LABEL: func.func @softmax_middle_axis
// CHECK:         %[[MAX:.*]] = linalg.generic
// CHECK-SAME:      indexing_maps = [#[[ID3]], #[[DROP1]]]
// CHECK-SAME:      iterator_types = ["parallel", "reduction", "parallel"]
// CHECK-SAME:      outs(%{{.*}} : tensor<?x5xf32>)
// CHECK:         %[[SUM:.*]] = linalg.generic
// CHECK-SAME:      iterator_types = ["parallel", "reduction", "parallel"]
// CHECK:         linalg.generic
// CHECK-SAME:      indexing_maps = [#[[ID3]], #[[DROP1]], #[[DROP1]], #[[ID3]]]
// CHECK-SAME:      iterator_types = ["parallel", "parallel", "parallel"]
// CHECK-SAME:      outs(%{{.*}} : tensor<?x4x5xf32>)
func.func @softmax_middle_axis(%x: tensor<?x4x5xf32>) -> tensor<?x4x5xf32> {
  %y = nn.softmax %x {axis = -2 : i64} : tensor<?x4x5xf32>
  return %y : tensor<?x4x5xf32>
}

// -----

// Tests that log_softmax is x − max − log Σ exp(x − max).

// CHECK-LABEL: func.func @log_softmax
// CHECK:         %[[MAX:.*]] = linalg.generic
// CHECK:           arith.maximumf
// CHECK:         %[[SUM:.*]] = linalg.generic
// CHECK:           math.exp
// CHECK:         linalg.generic
// CHECK-SAME:      ins(%{{.*}}, %[[MAX]], %[[SUM]] : tensor<?x10xf64>, tensor<?xf64>, tensor<?xf64>)
// CHECK:         ^bb0(%[[V:.*]]: f64, %[[M:.*]]: f64, %[[S:.*]]: f64, %{{.*}}: f64):
// CHECK:           %[[D:.*]] = arith.subf %[[V]], %[[M]] : f64
// CHECK:           %[[L:.*]] = math.log %[[S]] : f64
// CHECK:           %[[R:.*]] = arith.subf %[[D]], %[[L]] : f64
// CHECK:           linalg.yield %[[R]]
func.func @log_softmax(%x: tensor<?x10xf64>) -> tensor<?x10xf64> {
  %y = nn.log_softmax %x {axis = 1 : i64} : tensor<?x10xf64>
  return %y : tensor<?x10xf64>
}
