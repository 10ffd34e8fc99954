// RUN: nnc-opt %s -convert-nn-to-linalg -split-input-file | FileCheck %s

// Tests that reduce_sum is a linalg.reduce over the reduced axes into a
// zero-filled accumulator that keeps the dynamic batch.

// CHECK-LABEL: func.func @reduce_sum_dynamic_batch(
// CHECK-SAME:    %[[X:.*]]: tensor<?x10xf32>
// CHECK:         %[[ZERO:.*]] = arith.constant 0.000000e+00 : f32
// CHECK:         %[[N:.*]] = tensor.dim %[[X]], %{{.*}} : tensor<?x10xf32>
// CHECK:         %[[EMPTY:.*]] = tensor.empty(%[[N]]) : tensor<?xf32>
// CHECK:         %[[ACC:.*]] = linalg.fill ins(%[[ZERO]] : f32) outs(%[[EMPTY]] : tensor<?xf32>)
// CHECK:         %[[Y:.*]] = linalg.reduce ins(%[[X]] : tensor<?x10xf32>) outs(%[[ACC]] : tensor<?xf32>) dimensions = [1]
// CHECK:           (%[[IN:.*]]: f32, %[[INIT:.*]]: f32) {
// CHECK:             %[[SUM:.*]] = arith.addf %[[IN]], %[[INIT]] : f32
// CHECK:             linalg.yield %[[SUM]] : f32
// CHECK:         return %[[Y]] : tensor<?xf32>
func.func @reduce_sum_dynamic_batch(%x: tensor<?x10xf32>) -> tensor<?xf32> {
  %0 = nn.reduce_sum %x {axes = array<i64: 1>} : tensor<?x10xf32>
  return %0 : tensor<?xf32>
}

// -----

// Tests that without `axes` every axis is reduced, into a rank-0 tensor.

// CHECK-LABEL: func.func @reduce_sum_all(
// CHECK:         %[[EMPTY:.*]] = tensor.empty() : tensor<f32>
// CHECK:         %[[ACC:.*]] = linalg.fill ins(%{{.*}} : f32) outs(%[[EMPTY]] : tensor<f32>)
// CHECK:         linalg.reduce ins(%{{.*}} : tensor<?x3x4xf32>) outs(%[[ACC]] : tensor<f32>) dimensions = [0, 1, 2]
func.func @reduce_sum_all(%x: tensor<?x3x4xf32>) -> tensor<f32> {
  %0 = nn.reduce_sum %x : tensor<?x3x4xf32>
  return %0 : tensor<f32>
}

// -----

// Tests that reduce_max starts from -inf and combines with the
// NaN-propagating arith.maximumf, in the element type.

// CHECK-LABEL: func.func @reduce_max(
// CHECK:         %[[NEG_INF:.*]] = arith.constant 0xFF800000 : f32
// CHECK:         %[[ACC:.*]] = linalg.fill ins(%[[NEG_INF]] : f32) outs(%{{.*}} : tensor<?x4xf32>)
// CHECK:         linalg.reduce ins(%{{.*}} : tensor<?x3x4xf32>) outs(%[[ACC]] : tensor<?x4xf32>) dimensions = [1]
// CHECK:             arith.maximumf %{{.*}}, %{{.*}} : f32
func.func @reduce_max(%x: tensor<?x3x4xf32>) -> tensor<?x4xf32> {
  %0 = nn.reduce_max %x {axes = array<i64: 1>} : tensor<?x3x4xf32>
  return %0 : tensor<?x4xf32>
}

// CHECK-LABEL: func.func @reduce_max_f64(
// CHECK:         %[[NEG_INF:.*]] = arith.constant 0xFFF0000000000000 : f64
// CHECK:         linalg.fill ins(%[[NEG_INF]] : f64)
// CHECK:             arith.maximumf %{{.*}}, %{{.*}} : f64
func.func @reduce_max_f64(%x: tensor<?x3xf64>) -> tensor<?xf64> {
  %0 = nn.reduce_max %x {axes = array<i64: 1>} : tensor<?x3xf64>
  return %0 : tensor<?xf64>
}

// -----

// Tests that reduce_mean divides the sum by the constant count of the
// reduced static axes (3 · 4), with negative axes counted from the end.

// CHECK-DAG: #[[ID:.*]] = affine_map<(d0) -> (d0)>
// CHECK-LABEL: func.func @reduce_mean_static_axes(
// CHECK:         %[[SUM:.*]] = linalg.reduce ins(%{{.*}} : tensor<?x3x4xf32>) outs(%{{.*}} : tensor<?xf32>) dimensions = [1, 2]
// CHECK:         %[[COUNT:.*]] = arith.constant 1.200000e+01 : f32
// CHECK:         %[[N:.*]] = tensor.dim %[[SUM]], %{{.*}} : tensor<?xf32>
// CHECK:         %[[EMPTY:.*]] = tensor.empty(%[[N]]) : tensor<?xf32>
// CHECK:         %[[MEAN:.*]] = linalg.generic
// CHECK-SAME:      indexing_maps = [#[[ID]], #[[ID]]]
// CHECK-SAME:      iterator_types = ["parallel"]
// CHECK-SAME:      ins(%[[SUM]] : tensor<?xf32>) outs(%[[EMPTY]] : tensor<?xf32>)
// CHECK:         ^bb0(%[[IN:.*]]: f32, %{{.*}}: f32):
// CHECK:           %[[Q:.*]] = arith.divf %[[IN]], %[[COUNT]] : f32
// CHECK:           linalg.yield %[[Q]] : f32
// CHECK:         return %[[MEAN]]
func.func @reduce_mean_static_axes(%x: tensor<?x3x4xf32>) -> tensor<?xf32> {
  %0 = nn.reduce_mean %x {axes = array<i64: -2, -1>} : tensor<?x3x4xf32>
  return %0 : tensor<?xf32>
}

// -----

// Tests that reduce_mean over the dynamic batch counts its elements at run
// time: tensor.dim, converted to the element type, times the static part.

// CHECK-LABEL: func.func @reduce_mean_dynamic_axis(
// CHECK-SAME:    %[[X:.*]]: tensor<?x3xf32>
// CHECK:         %[[SUM:.*]] = linalg.reduce ins(%[[X]] : tensor<?x3xf32>) outs(%{{.*}} : tensor<3xf32>) dimensions = [0]
// CHECK:         %[[N:.*]] = tensor.dim %[[X]], %{{.*}} : tensor<?x3xf32>
// CHECK:         %[[STATIC:.*]] = arith.constant 1.000000e+00 : f32
// CHECK:         %[[N64:.*]] = arith.index_cast %[[N]] : index to i64
// CHECK:         %[[NF:.*]] = arith.sitofp %[[N64]] : i64 to f32
// CHECK:         %[[COUNT:.*]] = arith.mulf %[[STATIC]], %[[NF]] : f32
// CHECK:         linalg.generic
// CHECK:           arith.divf %{{.*}}, %[[COUNT]] : f32
func.func @reduce_mean_dynamic_axis(%x: tensor<?x3xf32>) -> tensor<3xf32> {
  %0 = nn.reduce_mean %x {axes = array<i64: 0>} : tensor<?x3xf32>
  return %0 : tensor<3xf32>
}

// -----

// Tests that keep_dims puts the reduced axes back as size-1 dimensions with
// tensor.expand_shape, grouping each with a neighbouring kept axis.

// CHECK-LABEL: func.func @keep_dims(
// CHECK:         %[[SUM:.*]] = linalg.reduce ins(%{{.*}} : tensor<2x?x3x4xf32>) outs(%{{.*}} : tensor<?x4xf32>) dimensions = [0, 2]
// CHECK:         %[[N:.*]] = tensor.dim %[[SUM]], %{{.*}} : tensor<?x4xf32>
// CHECK:         %[[Y:.*]] = tensor.expand_shape %[[SUM]] {{\[}}[0, 1, 2], [3]] output_shape [1, %[[N]], 1, 4]
// CHECK-SAME:      : tensor<?x4xf32> into tensor<1x?x1x4xf32>
// CHECK:         return %[[Y]]
func.func @keep_dims(%x: tensor<2x?x3x4xf32>) -> tensor<1x?x1x4xf32> {
  %0 = nn.reduce_sum %x {axes = array<i64: 0, 2>, keep_dims = true} : tensor<2x?x3x4xf32>
  return %0 : tensor<1x?x1x4xf32>
}

// CHECK-LABEL: func.func @keep_dims_all(
// CHECK:         %[[MAX:.*]] = linalg.reduce ins(%{{.*}} : tensor<?x3xf32>) outs(%{{.*}} : tensor<f32>) dimensions = [0, 1]
// CHECK:         tensor.expand_shape %[[MAX]] [] output_shape [1, 1] : tensor<f32> into tensor<1x1xf32>
func.func @keep_dims_all(%x: tensor<?x3xf32>) -> tensor<1x1xf32> {
  %0 = nn.reduce_max %x {keep_dims = true} : tensor<?x3xf32>
  return %0 : tensor<1x1xf32>
}

// -----

// Tests that an empty `axes` list reduces nothing: the input is the result.

// CHECK-LABEL: func.func @no_axes(
// CHECK-SAME:    %[[X:.*]]: tensor<?x3xf32>
// CHECK-NOT:     linalg
// CHECK:         return %[[X]] : tensor<?x3xf32>
func.func @no_axes(%x: tensor<?x3xf32>) -> tensor<?x3xf32> {
  %0 = nn.reduce_mean %x {axes = array<i64>} : tensor<?x3xf32>
  return %0 : tensor<?x3xf32>
}
