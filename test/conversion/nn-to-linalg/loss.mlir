// RUN: nnc-opt %s -convert-nn-to-linalg -split-input-file | FileCheck %s

// Tests that softmax_cross_entropy with class indices computes the row
// log-sum-exp, keeps lse − x[n, label] where linalg.index matches the label,
// and for "mean" divides the total by the batch size read with tensor.dim.

// CHECK-DAG:   #[[ID:.*]] = affine_map<(d0, d1) -> (d0, d1)>
// CHECK-DAG:   #[[ROW:.*]] = affine_map<(d0, d1) -> (d0)>
// CHECK-DAG:   #[[ALL:.*]] = affine_map<(d0) -> ()>
// CHECK-LABEL: func.func @cross_entropy_indices_mean
// CHECK-SAME:    (%[[X:.*]]: tensor<?x10xf32>, %[[L:.*]]: tensor<?xi64>) -> tensor<f32>
// CHECK:         %[[MAX:.*]] = linalg.generic
// CHECK-SAME:      iterator_types = ["parallel", "reduction"]
// CHECK:           arith.maximumf
// CHECK:         %[[SUM:.*]] = linalg.generic
// CHECK-SAME:      iterator_types = ["parallel", "reduction"]
// CHECK:           math.exp
// CHECK:         %[[LSE:.*]] = linalg.generic
// CHECK-SAME:      ins(%[[MAX]], %[[SUM]] : tensor<?xf32>, tensor<?xf32>)
// CHECK:         ^bb0(%[[M:.*]]: f32, %[[S:.*]]: f32, %{{.*}}: f32):
// CHECK:           %[[LOG:.*]] = math.log %[[S]] : f32
// CHECK:           arith.addf %[[M]], %[[LOG]] : f32
// CHECK:         %[[LOSSES:.*]] = linalg.generic
// CHECK-SAME:      indexing_maps = [#[[ID]], #[[ROW]], #[[ROW]], #[[ROW]]]
// CHECK-SAME:      iterator_types = ["parallel", "reduction"]
// CHECK-SAME:      ins(%[[X]], %[[L]], %[[LSE]] : tensor<?x10xf32>, tensor<?xi64>, tensor<?xf32>)
// CHECK:         ^bb0(%[[XV:.*]]: f32, %[[LV:.*]]: i64, %[[LSEV:.*]]: f32, %[[ACC:.*]]: f32):
// CHECK:           %[[K:.*]] = linalg.index 1 : index
// CHECK:           %[[LI:.*]] = arith.index_cast %[[LV]] : i64 to index
// CHECK:           %[[HIT:.*]] = arith.cmpi eq, %[[K]], %[[LI]] : index
// CHECK:           %[[NLL:.*]] = arith.subf %[[LSEV]], %[[XV]] : f32
// CHECK:           %[[R:.*]] = arith.select %[[HIT]], %[[NLL]], %[[ACC]] : f32
// CHECK:           linalg.yield %[[R]]
// CHECK:         %[[TOTAL:.*]] = linalg.generic
// CHECK-SAME:      indexing_maps = [#{{.*}}, #[[ALL]]]
// CHECK-SAME:      iterator_types = ["reduction"]
// CHECK-SAME:      ins(%[[LOSSES]] : tensor<?xf32>) outs(%{{.*}} : tensor<f32>)
// CHECK:         %[[N:.*]] = tensor.dim %[[LOSSES]], %{{.*}} : tensor<?xf32>
// CHECK:         %[[NI:.*]] = arith.index_cast %[[N]] : index to i64
// CHECK:         %[[NF:.*]] = arith.sitofp %[[NI]] : i64 to f32
// CHECK:         %[[COUNT:.*]] = arith.mulf %{{.*}}, %[[NF]] : f32
// CHECK:         %[[MEAN:.*]] = linalg.generic
// CHECK-SAME:      iterator_types = []
// CHECK-SAME:      ins(%[[TOTAL]] : tensor<f32>)
// CHECK:           arith.divf %{{.*}}, %[[COUNT]] : f32
// CHECK:         return %[[MEAN]] : tensor<f32>
func.func @cross_entropy_indices_mean(%x: tensor<?x10xf32>, %labels: tensor<?xi64>) -> tensor<f32> {
  %l = nn.softmax_cross_entropy %x, %labels : tensor<?x10xf32>, tensor<?xi64>
  return %l : tensor<f32>
}

// -----

// Tests that reduction "none" returns the per-example losses [N], here with
// i32 labels.

// CHECK-LABEL: func.func @cross_entropy_indices_none
// CHECK:         %[[LOSSES:.*]] = linalg.generic {{.*}} : tensor<?x10xf32>, tensor<?xi32>, tensor<?xf32>)
// CHECK:           arith.index_cast %{{.*}} : i32 to index
// CHECK:           arith.select
// CHECK-NOT:     linalg.generic
// CHECK:         return %[[LOSSES]] : tensor<?xf32>
func.func @cross_entropy_indices_none(%x: tensor<?x10xf32>, %labels: tensor<?xi32>) -> tensor<?xf32> {
  %l = nn.softmax_cross_entropy %x, %labels {reduction = "none"} : tensor<?x10xf32>, tensor<?xi32>
  return %l : tensor<?xf32>
}

// -----

// Tests that probability labels accumulate Σ_k t · (lse − x) and that "sum"
// adds the rows without dividing.

// CHECK-DAG:   #[[ID:.*]] = affine_map<(d0, d1) -> (d0, d1)>
// CHECK-DAG:   #[[ROW:.*]] = affine_map<(d0, d1) -> (d0)>
// CHECK-LABEL: func.func @cross_entropy_probabilities_sum
// CHECK-SAME:    (%[[X:.*]]: tensor<8x10xf32>, %[[T:.*]]: tensor<8x10xf32>)
// CHECK:         %[[LSE:.*]] = linalg.generic {{.*}} : tensor<8xf32>, tensor<8xf32>)
// CHECK:           math.log
// CHECK:         %[[LOSSES:.*]] = linalg.generic
// CHECK-SAME:      indexing_maps = [#[[ID]], #[[ID]], #[[ROW]], #[[ROW]]]
// CHECK-SAME:      ins(%[[X]], %[[T]], %[[LSE]] : tensor<8x10xf32>, tensor<8x10xf32>, tensor<8xf32>)
// CHECK:         ^bb0(%[[XV:.*]]: f32, %[[TV:.*]]: f32, %[[LSEV:.*]]: f32, %[[ACC:.*]]: f32):
// CHECK:           %[[NLP:.*]] = arith.subf %[[LSEV]], %[[XV]] : f32
// CHECK:           %[[TERM:.*]] = arith.mulf %[[TV]], %[[NLP]] : f32
// CHECK:           arith.addf %[[ACC]], %[[TERM]] : f32
// CHECK:         %[[TOTAL:.*]] = linalg.generic
// CHECK-SAME:      ins(%[[LOSSES]] : tensor<8xf32>) outs(%{{.*}} : tensor<f32>)
// CHECK-NOT:     arith.divf
// CHECK:         return %[[TOTAL]] : tensor<f32>
func.func @cross_entropy_probabilities_sum(%x: tensor<8x10xf32>, %t: tensor<8x10xf32>) -> tensor<f32> {
  %l = nn.softmax_cross_entropy %x, %t {reduction = "sum"} : tensor<8x10xf32>, tensor<8x10xf32>
  return %l : tensor<f32>
}

// -----

// Tests that binary_cross_entropy clamps both logs at −100 and that "mean"
// over a static shape divides by the constant element count.

// CHECK-LABEL: func.func @binary_cross_entropy_mean
// CHECK-SAME:    (%[[P:.*]]: tensor<4x2xf32>, %[[T:.*]]: tensor<4x2xf32>)
// CHECK:         %[[LOSSES:.*]] = linalg.generic
// CHECK-SAME:      ins(%[[P]], %[[T]] : tensor<4x2xf32>, tensor<4x2xf32>)
// CHECK:         ^bb0(%[[PV:.*]]: f32, %[[TV:.*]]: f32, %{{.*}}: f32):
// CHECK:           %[[ONE:.*]] = arith.constant 1.000000e+00 : f32
// CHECK:           %[[LOGP:.*]] = math.log %[[PV]] : f32
// CHECK:           %[[FLOOR:.*]] = arith.constant -1.000000e+02 : f32
// CHECK:           %[[CLP:.*]] = arith.maximumf %[[LOGP]], %[[FLOOR]] : f32
// CHECK:           %[[Q:.*]] = arith.subf %[[ONE]], %[[PV]] : f32
// CHECK:           %[[LOGQ:.*]] = math.log %[[Q]] : f32
// CHECK:           %[[CLQ:.*]] = arith.maximumf %[[LOGQ]], %{{.*}} : f32
// CHECK:           %[[HIT:.*]] = arith.mulf %[[TV]], %[[CLP]] : f32
// CHECK:           %[[NT:.*]] = arith.subf %[[ONE]], %[[TV]] : f32
// CHECK:           %[[MISS:.*]] = arith.mulf %[[NT]], %[[CLQ]] : f32
// CHECK:           %[[SUM:.*]] = arith.addf %[[HIT]], %[[MISS]] : f32
// CHECK:           arith.negf %[[SUM]] : f32
// CHECK:         %[[TOTAL:.*]] = linalg.generic
// CHECK-SAME:      iterator_types = ["reduction", "reduction"]
// CHECK-SAME:      ins(%[[LOSSES]] : tensor<4x2xf32>) outs(%{{.*}} : tensor<f32>)
// CHECK:         %[[COUNT:.*]] = arith.constant 8.000000e+00 : f32
// CHECK:         linalg.generic
// CHECK-SAME:      ins(%[[TOTAL]] : tensor<f32>)
// CHECK:           arith.divf %{{.*}}, %[[COUNT]] : f32
func.func @binary_cross_entropy_mean(%p: tensor<4x2xf32>, %t: tensor<4x2xf32>) -> tensor<f32> {
  %l = nn.binary_cross_entropy %p, %t : tensor<4x2xf32>, tensor<4x2xf32>
  return %l : tensor<f32>
}

// -----

// Tests that mse_loss squares the difference and that "mean" over a dynamic
// batch divides by N·K with N read at run time.

// CHECK-LABEL: func.func @mse_loss_mean_dynamic
// CHECK-SAME:    (%[[Y:.*]]: tensor<?x3xf32>, %[[T:.*]]: tensor<?x3xf32>)
// CHECK:         %[[LOSSES:.*]] = linalg.generic
// CHECK-SAME:      ins(%[[Y]], %[[T]] : tensor<?x3xf32>, tensor<?x3xf32>)
// CHECK:           %[[D:.*]] = arith.subf
// CHECK:           arith.mulf %[[D]], %[[D]] : f32
// CHECK:         %[[TOTAL:.*]] = linalg.generic
// CHECK-SAME:      ins(%[[LOSSES]] : tensor<?x3xf32>) outs(%{{.*}} : tensor<f32>)
// CHECK:         %[[N:.*]] = tensor.dim %[[LOSSES]], %{{.*}} : tensor<?x3xf32>
// CHECK:         %[[K:.*]] = arith.constant 3.000000e+00 : f32
// CHECK:         %[[NI:.*]] = arith.index_cast %[[N]] : index to i64
// CHECK:         %[[NF:.*]] = arith.sitofp %[[NI]] : i64 to f32
// CHECK:         %[[COUNT:.*]] = arith.mulf %[[K]], %[[NF]] : f32
// CHECK:         linalg.generic
// CHECK:           arith.divf %{{.*}}, %[[COUNT]] : f32
func.func @mse_loss_mean_dynamic(%y: tensor<?x3xf32>, %t: tensor<?x3xf32>) -> tensor<f32> {
  %l = nn.mse_loss %y, %t : tensor<?x3xf32>, tensor<?x3xf32>
  return %l : tensor<f32>
}

// -----

// Tests that mse_loss with reduction "none" keeps the input's shape.

// CHECK-LABEL: func.func @mse_loss_none
// CHECK:         %[[LOSSES:.*]] = linalg.generic
// CHECK-SAME:      outs(%{{.*}} : tensor<?x3xf64>)
// CHECK:         } -> tensor<?x3xf64>
// CHECK-NEXT:    return %[[LOSSES]] : tensor<?x3xf64>
func.func @mse_loss_none(%y: tensor<?x3xf64>, %t: tensor<?x3xf64>) -> tensor<?x3xf64> {
  %l = nn.mse_loss %y, %t {reduction = "none"} : tensor<?x3xf64>, tensor<?x3xf64>
  return %l : tensor<?x3xf64>
}
