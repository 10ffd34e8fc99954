// RUN: nnc-opt %s -convert-nn-to-linalg -split-input-file | FileCheck %s

// Tests that training batch_norm reduces over every axis but 1 (sum, then
// the centred squares), divides by n = N·H·W read at run time for a dynamic
// batch, normalizes and updates the running statistics with momentum and
// the unbiased factor n / (n − 1).

// CHECK-DAG:   #[[ID4:.*]] = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>
// CHECK-DAG:   #[[CH:.*]] = affine_map<(d0, d1, d2, d3) -> (d1)>
// CHECK-LABEL: func.func @batch_norm_training
// CHECK-SAME:    (%[[X:.*]]: tensor<?x4x3x3xf32>, %[[G:.*]]: tensor<4xf32>, %[[B:.*]]: tensor<4xf32>, %[[M:.*]]: tensor<4xf32>, %[[V:.*]]: tensor<4xf32>)
// CHECK:         %[[N:.*]] = tensor.dim %[[X]], %{{.*}} : tensor<?x4x3x3xf32>
// CHECK:         %[[HW:.*]] = arith.constant 9.000000e+00 : f32
// CHECK:         %[[NI:.*]] = arith.index_cast %[[N]] : index to i64
// CHECK:         %[[NF:.*]] = arith.sitofp %[[NI]] : i64 to f32
// CHECK:         %[[COUNT:.*]] = arith.mulf %[[HW]], %[[NF]] : f32
// CHECK:         %[[SUM:.*]] = linalg.generic
// CHECK-SAME:      indexing_maps = [#[[ID4]], #[[CH]]]
// CHECK-SAME:      iterator_types = ["reduction", "parallel", "reduction", "reduction"]
// CHECK-SAME:      ins(%[[X]] : tensor<?x4x3x3xf32>) outs(%{{.*}} : tensor<4xf32>)
// CHECK:         %[[MEAN:.*]] = linalg.generic
// CHECK-SAME:      ins(%[[SUM]] : tensor<4xf32>)
// CHECK:           arith.divf %{{.*}}, %[[COUNT]] : f32
// CHECK:         %[[SQ:.*]] = linalg.generic
// CHECK-SAME:      iterator_types = ["reduction", "parallel", "reduction", "reduction"]
// CHECK-SAME:      ins(%[[X]], %[[MEAN]] : tensor<?x4x3x3xf32>, tensor<4xf32>)
// CHECK:           %[[D:.*]] = arith.subf
// CHECK:           arith.mulf %[[D]], %[[D]] : f32
// CHECK:         %[[VAR:.*]] = linalg.generic
// CHECK-SAME:      ins(%[[SQ]] : tensor<4xf32>)
// CHECK:           arith.divf %{{.*}}, %[[COUNT]] : f32
// CHECK:         %[[EPS:.*]] = arith.constant 9.99999974E-6 : f32
// CHECK:         %[[N2:.*]] = tensor.dim %[[X]], %{{.*}} : tensor<?x4x3x3xf32>
// CHECK:         %[[YE:.*]] = tensor.empty(%[[N2]]) : tensor<?x4x3x3xf32>
// CHECK:         %[[Y:.*]] = linalg.generic
// CHECK-SAME:      indexing_maps = [#[[ID4]], #[[CH]], #[[CH]], #[[CH]], #[[CH]], #[[ID4]]]
// CHECK-SAME:      ins(%[[X]], %[[MEAN]], %[[VAR]], %[[G]], %[[B]] :
// CHECK-SAME:      outs(%[[YE]] : tensor<?x4x3x3xf32>)
// CHECK:           arith.addf %{{.*}}, %[[EPS]] : f32
// CHECK:           math.sqrt
// CHECK:         %[[ONE:.*]] = arith.constant 1.000000e+00 : f32
// CHECK:         %[[NM1:.*]] = arith.subf %[[COUNT]], %[[ONE]] : f32
// CHECK:         %[[UNBIAS:.*]] = arith.divf %[[COUNT]], %[[NM1]] : f32
// CHECK:         %[[KEEP:.*]] = arith.constant 0.899999976 : f32
// CHECK:         %[[TAKE:.*]] = arith.constant 1.000000e-01 : f32
// CHECK:         %[[NEW_MEAN:.*]] = linalg.generic
// CHECK-SAME:      ins(%[[M]], %[[MEAN]] : tensor<4xf32>, tensor<4xf32>)
// CHECK:         ^bb0(%[[OLD:.*]]: f32, %[[BATCH:.*]]: f32, %{{.*}}: f32):
// CHECK:           %[[A:.*]] = arith.mulf %[[KEEP]], %[[OLD]] : f32
// CHECK:           %[[C:.*]] = arith.mulf %[[TAKE]], %[[BATCH]] : f32
// CHECK:           arith.addf %[[A]], %[[C]] : f32
// CHECK:         %[[NEW_VAR:.*]] = linalg.generic
// CHECK-SAME:      ins(%[[V]], %[[VAR]] : tensor<4xf32>, tensor<4xf32>)
// CHECK:           arith.mulf %{{.*}}, %[[UNBIAS]] : f32
// CHECK:         return %[[Y]], %[[NEW_MEAN]], %[[NEW_VAR]]
func.func @batch_norm_training(%x: tensor<?x4x3x3xf32>, %g: tensor<4xf32>, %b: tensor<4xf32>, %m: tensor<4xf32>, %v: tensor<4xf32>) -> (tensor<?x4x3x3xf32>, tensor<4xf32>, tensor<4xf32>) {
  %y, %nm, %nv = nn.batch_norm %x, %g, %b, %m, %v {training = true} : tensor<?x4x3x3xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4xf32>
  return %y, %nm, %nv : tensor<?x4x3x3xf32>, tensor<4xf32>, tensor<4xf32>
}

// -----

// Tests that inference batch_norm normalizes with the given statistics and
// returns them unchanged, without any reduction.

// CHECK-LABEL: func.func @batch_norm_inference
// CHECK-SAME:    (%[[X:.*]]: tensor<?x3xf32>, %[[G:.*]]: tensor<3xf32>, %[[B:.*]]: tensor<3xf32>, %[[M:.*]]: tensor<3xf32>, %[[V:.*]]: tensor<3xf32>)
// CHECK-NOT:     "reduction"
// CHECK:         %[[EPS:.*]] = arith.constant 1.000000e-03 : f32
// CHECK:         %[[Y:.*]] = linalg.generic
// CHECK-SAME:      iterator_types = ["parallel", "parallel"]
// CHECK-SAME:      ins(%[[X]], %[[M]], %[[V]], %[[G]], %[[B]] :
// CHECK:         ^bb0(%[[XV:.*]]: f32, %[[MV:.*]]: f32, %[[VV:.*]]: f32, %[[GV:.*]]: f32, %[[BV:.*]]: f32, %{{.*}}: f32):
// CHECK:           %[[CENT:.*]] = arith.subf %[[XV]], %[[MV]] : f32
// CHECK:           %[[SHIFT:.*]] = arith.addf %[[VV]], %[[EPS]] : f32
// CHECK:           %[[STD:.*]] = math.sqrt %[[SHIFT]] : f32
// CHECK:           %[[SC:.*]] = arith.mulf %[[GV]], %[[CENT]] : f32
// CHECK:           %[[U:.*]] = arith.divf %[[SC]], %[[STD]] : f32
// CHECK:           %[[R:.*]] = arith.addf %[[U]], %[[BV]] : f32
// CHECK:           linalg.yield %[[R]]
// CHECK:         return %[[Y]], %[[M]], %[[V]]
func.func @batch_norm_inference(%x: tensor<?x3xf32>, %g: tensor<3xf32>, %b: tensor<3xf32>, %m: tensor<3xf32>, %v: tensor<3xf32>) -> (tensor<?x3xf32>, tensor<3xf32>, tensor<3xf32>) {
  %y, %nm, %nv = nn.batch_norm %x, %g, %b, %m, %v {epsilon = 1.0e-3 : f32} : tensor<?x3xf32>, tensor<3xf32>, tensor<3xf32>, tensor<3xf32>, tensor<3xf32>
  return %y, %nm, %nv : tensor<?x3xf32>, tensor<3xf32>, tensor<3xf32>
}

// -----

// Tests that lrn pads the squares by size/2 channels before and
// (size − 1)/2 after, sums a window of `size` channels with a reduction
// over an extra loop dimension, and divides x by (bias + alpha/size·s)^beta.

// CHECK-DAG:   #[[SHIFTED:.*]] = affine_map<(d0, d1, d2, d3) -> (d0, d1 + d3, d2)>
// CHECK-DAG:   #[[WINDOW:.*]] = affine_map<(d0, d1, d2, d3) -> (d3)>
// CHECK-DAG:   #[[OUT:.*]] = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2)>
// CHECK-LABEL: func.func @lrn
// CHECK-SAME:    (%[[X:.*]]: tensor<?x6x4xf32>)
// CHECK:         %[[SQ:.*]] = linalg.generic
// CHECK-SAME:      ins(%[[X]] : tensor<?x6x4xf32>)
// CHECK:         ^bb0(%[[V:.*]]: f32, %{{.*}}: f32):
// CHECK:           arith.mulf %[[V]], %[[V]] : f32
// CHECK:         %[[PAD:.*]] = tensor.pad %[[SQ]] low[0, 2, 0] high[0, 1, 0]
// CHECK:         } : tensor<?x6x4xf32> to tensor<?x9x4xf32>
// CHECK:         %[[WIN:.*]] = tensor.empty() : tensor<4xf32>
// CHECK:         %[[SUM:.*]] = linalg.generic
// CHECK-SAME:      indexing_maps = [#[[SHIFTED]], #[[WINDOW]], #[[OUT]]]
// CHECK-SAME:      iterator_types = ["parallel", "parallel", "parallel", "reduction"]
// CHECK-SAME:      ins(%[[PAD]], %[[WIN]] : tensor<?x9x4xf32>, tensor<4xf32>)
// CHECK-DAG:     %[[SCALE:.*]] = arith.constant 2.500000e-01 : f32
// CHECK-DAG:     %[[BIAS:.*]] = arith.constant 2.000000e+00 : f32
// CHECK-DAG:     %[[BETA:.*]] = arith.constant 5.000000e-01 : f32
// CHECK:         linalg.generic
// CHECK-SAME:      ins(%[[X]], %[[SUM]] : tensor<?x6x4xf32>, tensor<?x6x4xf32>)
// CHECK:         ^bb0(%[[XV:.*]]: f32, %[[S:.*]]: f32, %{{.*}}: f32):
// CHECK:           %[[T:.*]] = arith.mulf %[[SCALE]], %[[S]] : f32
// CHECK:           %[[BASE:.*]] = arith.addf %[[BIAS]], %[[T]] : f32
// CHECK:           %[[DEN:.*]] = math.powf %[[BASE]], %[[BETA]] : f32
// CHECK:           arith.divf %[[XV]], %[[DEN]] : f32
func.func @lrn(%x: tensor<?x6x4xf32>) -> tensor<?x6x4xf32> {
  %y = nn.lrn %x {size = 4 : i64, alpha = 1.0 : f32, beta = 0.5 : f32, bias = 2.0 : f32} : tensor<?x6x4xf32>
  return %y : tensor<?x6x4xf32>
}

// -----

// Tests that training dropout hashes the row-major index of each element
// with splitmix64 in wrapping i64 arithmetic, keeps it iff
// (hash >> 40)·2⁻²⁴ ≥ rate and scales kept values by 1 / (1 − rate).

// CHECK-LABEL: func.func @dropout_training
// CHECK-SAME:    (%[[X:.*]]: tensor<?x5xf32>, %[[SEED:.*]]: tensor<i64>)
// CHECK:         %[[S:.*]] = tensor.extract %[[SEED]][] : tensor<i64>
// CHECK:         %[[C5:.*]] = arith.constant 5 : index
// CHECK:         %[[SCALE:.*]] = arith.constant 4.000000e+00 : f32
// CHECK:         %[[ZERO:.*]] = arith.constant 0.000000e+00 : f32
// CHECK:         linalg.generic
// CHECK-SAME:      ins(%[[X]] : tensor<?x5xf32>)
// CHECK:         ^bb0(%[[V:.*]]: f32, %{{.*}}: f32):
// CHECK:           %[[I0:.*]] = linalg.index 0 : index
// CHECK:           %[[ROW:.*]] = arith.muli %[[I0]], %[[C5]] : index
// CHECK:           %[[I1:.*]] = linalg.index 1 : index
// CHECK:           %[[LIN:.*]] = arith.addi %[[ROW]], %[[I1]] : index
// CHECK:           %[[IDX:.*]] = arith.index_cast %[[LIN]] : index to i64
// CHECK:           %[[NEXT:.*]] = arith.addi %[[IDX]], %{{.*}} : i64
// CHECK:           %[[GOLDEN:.*]] = arith.constant -7046029254386353131 : i64
// CHECK:           %[[STEP:.*]] = arith.muli %[[NEXT]], %[[GOLDEN]] : i64
// CHECK:           %[[Z0:.*]] = arith.addi %[[S]], %[[STEP]] : i64
// CHECK:           %[[SH30:.*]] = arith.constant 30 : i64
// CHECK:           %[[R30:.*]] = arith.shrui %[[Z0]], %[[SH30]] : i64
// CHECK:           %[[X30:.*]] = arith.xori %[[Z0]], %[[R30]] : i64
// CHECK:           %[[M1:.*]] = arith.constant -4658895280553007687 : i64
// CHECK:           %[[Z1:.*]] = arith.muli %[[X30]], %[[M1]] : i64
// CHECK:           %[[SH27:.*]] = arith.constant 27 : i64
// CHECK:           %[[R27:.*]] = arith.shrui %[[Z1]], %[[SH27]] : i64
// CHECK:           %[[X27:.*]] = arith.xori %[[Z1]], %[[R27]] : i64
// CHECK:           %[[M2:.*]] = arith.constant -7723592293110705685 : i64
// CHECK:           %[[Z2:.*]] = arith.muli %[[X27]], %[[M2]] : i64
// CHECK:           %[[SH31:.*]] = arith.constant 31 : i64
// CHECK:           %[[R31:.*]] = arith.shrui %[[Z2]], %[[SH31]] : i64
// CHECK:           %[[Z3:.*]] = arith.xori %[[Z2]], %[[R31]] : i64
// CHECK:           %[[SCALED:.*]] = arith.mulf %[[V]], %[[SCALE]] : f32
// CHECK:           %[[SH40:.*]] = arith.constant 40 : i64
// CHECK:           %[[U:.*]] = arith.shrui %[[Z3]], %[[SH40]] : i64
// CHECK:           %[[UF:.*]] = arith.uitofp %[[U]] : i64 to f32
// CHECK:           %[[ULP:.*]] = arith.constant 5.96046448E-8 : f32
// CHECK:           %[[UNIT:.*]] = arith.mulf %[[UF]], %[[ULP]] : f32
// CHECK:           %[[RATE:.*]] = arith.constant 7.500000e-01 : f32
// CHECK:           %[[KEEP:.*]] = arith.cmpf oge, %[[UNIT]], %[[RATE]] : f32
// CHECK:           %[[R:.*]] = arith.select %[[KEEP]], %[[SCALED]], %[[ZERO]] : f32
// CHECK:           linalg.yield %[[R]]
func.func @dropout_training(%x: tensor<?x5xf32>, %seed: tensor<i64>) -> tensor<?x5xf32> {
  %y = nn.dropout %x, %seed {rate = 0.75 : f32, training = true} : tensor<?x5xf32>, tensor<i64>
  return %y : tensor<?x5xf32>
}

// -----

// Tests that dropout is the identity when not training or when the rate is 0.

// CHECK-LABEL: func.func @dropout_identity
// CHECK-SAME:    (%[[X:.*]]: tensor<?x5xf32>, %{{.*}}: tensor<i64>)
// CHECK-NOT:     linalg.generic
// CHECK:         return %[[X]], %[[X]]
func.func @dropout_identity(%x: tensor<?x5xf32>, %seed: tensor<i64>) -> (tensor<?x5xf32>, tensor<?x5xf32>) {
  %a = nn.dropout %x, %seed {rate = 0.5 : f32} : tensor<?x5xf32>, tensor<i64>
  %b = nn.dropout %x, %seed {rate = 0.0 : f32, training = true} : tensor<?x5xf32>, tensor<i64>
  return %a, %b : tensor<?x5xf32>, tensor<?x5xf32>
}
