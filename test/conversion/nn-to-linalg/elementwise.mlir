// RUN: nnc-opt %s -convert-nn-to-linalg -split-input-file | FileCheck %s

// Tests that relu is max(x, 0) in one all-parallel generic whose result
// takes its dynamic batch size from the operand.

// CHECK-DAG: #[[ID:.*]] = affine_map<(d0, d1) -> (d0, d1)>
// CHECK-LABEL: func.func @relu_dynamic_batch(
// CHECK-SAME:    %[[X:.*]]: tensor<?x10xf32>
// CHECK:         %[[C0:.*]] = arith.constant 0 : index
// CHECK:         %[[N:.*]] = tensor.dim %[[X]], %[[C0]] : tensor<?x10xf32>
// CHECK:         %[[INIT:.*]] = tensor.empty(%[[N]]) : tensor<?x10xf32>
// CHECK:         %[[Y:.*]] = linalg.generic
// CHECK-SAME:      indexing_maps = [#[[ID]], #[[ID]]]
// CHECK-SAME:      iterator_types = ["parallel", "parallel"]
// CHECK-SAME:      ins(%[[X]] : tensor<?x10xf32>) outs(%[[INIT]] : tensor<?x10xf32>)
// CHECK:         ^bb0(%[[IN:.*]]: f32, %{{.*}}: f32):
// CHECK:           %[[ZERO:.*]] = arith.constant 0.000000e+00 : f32
// CHECK:           %[[MAX:.*]] = arith.maximumf %[[IN]], %[[ZERO]] : f32
// CHECK:           linalg.yield %[[MAX]] : f32
// CHECK:         return %[[Y]]
func.func @relu_dynamic_batch(%x: tensor<?x10xf32>) -> tensor<?x10xf32> {
  %0 = nn.relu %x : tensor<?x10xf32>
  return %0 : tensor<?x10xf32>
}

// -----

// Tests that sigmoid is 1 / (1 + exp(-x)) and that a static shape needs no
// tensor.dim.

// CHECK-LABEL: func.func @sigmoid_static(
// CHECK-NOT:     tensor.dim
// CHECK:         tensor.empty() : tensor<4x3xf32>
// CHECK:         linalg.generic
// CHECK:         ^bb0(%[[IN:.*]]: f32, %{{.*}}: f32):
// CHECK:           %[[ONE:.*]] = arith.constant 1.000000e+00 : f32
// CHECK:           %[[NEG:.*]] = arith.negf %[[IN]] : f32
// CHECK:           %[[EXP:.*]] = math.exp %[[NEG]] : f32
// CHECK:           %[[DEN:.*]] = arith.addf %[[ONE]], %[[EXP]] : f32
// CHECK:           %[[Y:.*]] = arith.divf %[[ONE]], %[[DEN]] : f32
// CHECK:           linalg.yield %[[Y]] : f32
func.func @sigmoid_static(%x: tensor<4x3xf32>) -> tensor<4x3xf32> {
  %0 = nn.sigmoid %x : tensor<4x3xf32>
  return %0 : tensor<4x3xf32>
}

// -----

// Tests that each remaining unary op becomes its math or arith counterpart.

// CHECK-LABEL: func.func @unary_ops(
// CHECK:         math.tanh %{{.*}} : f32
// CHECK:         math.exp %{{.*}} : f32
// CHECK:         math.log %{{.*}} : f32
// CHECK:         arith.negf %{{.*}} : f32
// CHECK:         math.sqrt %{{.*}} : f32
// CHECK:         math.rsqrt %{{.*}} : f32
// CHECK:         math.absf %{{.*}} : f32
func.func @unary_ops(%x: tensor<?x8xf32>) -> tensor<?x8xf32> {
  %0 = nn.tanh %x : tensor<?x8xf32>
  %1 = nn.exp %0 : tensor<?x8xf32>
  %2 = nn.log %1 : tensor<?x8xf32>
  %3 = nn.neg %2 : tensor<?x8xf32>
  %4 = nn.sqrt %3 : tensor<?x8xf32>
  %5 = nn.rsqrt %4 : tensor<?x8xf32>
  %6 = nn.abs %5 : tensor<?x8xf32>
  return %6 : tensor<?x8xf32>
}

// -----

// Tests that leaky_relu selects x when x > 0 (ordered, so NaN takes the
// scaled branch and stays NaN) and alpha * x otherwise, with alpha in the
// element type.

// CHECK-LABEL: func.func @leaky_relu_f64(
// CHECK:         linalg.generic
// CHECK:         ^bb0(%[[IN:.*]]: f64, %{{.*}}: f64):
// CHECK:           %[[ALPHA:.*]] = arith.constant 2.500000e-01 : f64
// CHECK:           %[[ZERO:.*]] = arith.constant 0.000000e+00 : f64
// CHECK:           %[[POS:.*]] = arith.cmpf ogt, %[[IN]], %[[ZERO]] : f64
// CHECK:           %[[SCALED:.*]] = arith.mulf %[[ALPHA]], %[[IN]] : f64
// CHECK:           %[[Y:.*]] = arith.select %[[POS]], %[[IN]], %[[SCALED]] : f64
// CHECK:           linalg.yield %[[Y]] : f64
func.func @leaky_relu_f64(%x: tensor<?x8xf64>) -> tensor<?x8xf64> {
  %0 = nn.leaky_relu %x {alpha = 0.25 : f32} : tensor<?x8xf64>
  return %0 : tensor<?x8xf64>
}

// -----

// Tests that a binary op broadcasts a lower-rank operand through its
// indexing map, without materializing it at the result shape.

// CHECK-DAG: #[[ID:.*]] = affine_map<(d0, d1) -> (d0, d1)>
// CHECK-DAG: #[[ROW:.*]] = affine_map<(d0, d1) -> (d1)>
// CHECK-LABEL: func.func @add_broadcast_row(
// CHECK-SAME:    %[[A:.*]]: tensor<?x10xf32>, %[[B:.*]]: tensor<10xf32>
// CHECK:         %[[N:.*]] = tensor.dim %[[A]], %{{.*}} : tensor<?x10xf32>
// CHECK:         %[[INIT:.*]] = tensor.empty(%[[N]]) : tensor<?x10xf32>
// CHECK:         linalg.generic
// CHECK-SAME:      indexing_maps = [#[[ID]], #[[ROW]], #[[ID]]]
// CHECK-SAME:      iterator_types = ["parallel", "parallel"]
// CHECK-SAME:      ins(%[[A]], %[[B]] : tensor<?x10xf32>, tensor<10xf32>)
// CHECK-SAME:      outs(%[[INIT]] : tensor<?x10xf32>)
// CHECK:           arith.addf
func.func @add_broadcast_row(%a: tensor<?x10xf32>, %b: tensor<10xf32>) -> tensor<?x10xf32> {
  %0 = nn.add %a, %b : tensor<?x10xf32>, tensor<10xf32>
  return %0 : tensor<?x10xf32>
}

// -----

// Tests that size-1 dimensions facing larger sizes are read at index 0 and
// that each dynamic result size comes from an operand that spans it.

// CHECK-DAG: #[[LHS:.*]] = affine_map<(d0, d1, d2) -> (d0, 0, d2)>
// CHECK-DAG: #[[RHS:.*]] = affine_map<(d0, d1, d2) -> (d1, 0)>
// CHECK-DAG: #[[ID:.*]] = affine_map<(d0, d1, d2) -> (d0, d1, d2)>
// CHECK-LABEL: func.func @mul_broadcast_unit_dims(
// CHECK-SAME:    %[[A:.*]]: tensor<?x1x4xf32>, %[[B:.*]]: tensor<3x1xf32>
// CHECK:         %[[N:.*]] = tensor.dim %[[A]], %{{.*}} : tensor<?x1x4xf32>
// CHECK:         %[[INIT:.*]] = tensor.empty(%[[N]]) : tensor<?x3x4xf32>
// CHECK:         linalg.generic
// CHECK-SAME:      indexing_maps = [#[[LHS]], #[[RHS]], #[[ID]]]
// CHECK-SAME:      iterator_types = ["parallel", "parallel", "parallel"]
// CHECK:           arith.mulf
func.func @mul_broadcast_unit_dims(%a: tensor<?x1x4xf32>, %b: tensor<3x1xf32>) -> tensor<?x3x4xf32> {
  %0 = nn.mul %a, %b : tensor<?x1x4xf32>, tensor<3x1xf32>
  return %0 : tensor<?x3x4xf32>
}

// -----

// Tests that the dynamic batch size is read from whichever operand has it,
// here the right-hand side.

// CHECK-LABEL: func.func @sub_dynamic_rhs(
// CHECK-SAME:    %[[A:.*]]: tensor<1x4xf32>, %[[B:.*]]: tensor<?x4xf32>
// CHECK:         %[[N:.*]] = tensor.dim %[[B]], %{{.*}} : tensor<?x4xf32>
// CHECK:         tensor.empty(%[[N]]) : tensor<?x4xf32>
// CHECK:         arith.subf
func.func @sub_dynamic_rhs(%a: tensor<1x4xf32>, %b: tensor<?x4xf32>) -> tensor<?x4xf32> {
  %0 = nn.sub %a, %b : tensor<1x4xf32>, tensor<?x4xf32>
  return %0 : tensor<?x4xf32>
}

// -----

// Tests the scalar rule of each remaining binary op; maximum and minimum use
// the NaN-propagating arith.maximumf/minimumf like torch.maximum/minimum.

// CHECK-LABEL: func.func @binary_ops(
// CHECK:         arith.divf %{{.*}}, %{{.*}} : f32
// CHECK:         arith.maximumf %{{.*}}, %{{.*}} : f32
// CHECK:         arith.minimumf %{{.*}}, %{{.*}} : f32
// CHECK:         math.powf %{{.*}}, %{{.*}} : f32
func.func @binary_ops(%a: tensor<?x4xf32>, %b: tensor<4xf32>) -> tensor<?x4xf32> {
  %0 = nn.div %a, %b : tensor<?x4xf32>, tensor<4xf32>
  %1 = nn.maximum %0, %b : tensor<?x4xf32>, tensor<4xf32>
  %2 = nn.minimum %1, %b : tensor<?x4xf32>, tensor<4xf32>
  %3 = nn.pow %2, %b : tensor<?x4xf32>, tensor<4xf32>
  return %3 : tensor<?x4xf32>
}

// -----

// Tests that prelu reads its slope along axis 1, or at index 0 when a single
// slope is shared by all channels.

// CHECK-DAG: #[[ID:.*]] = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>
// CHECK-DAG: #[[CHANNEL:.*]] = affine_map<(d0, d1, d2, d3) -> (d1)>
// CHECK-DAG: #[[SHARED:.*]] = affine_map<(d0, d1, d2, d3) -> (0)>
// CHECK-LABEL: func.func @prelu(
// CHECK:         linalg.generic
// CHECK-SAME:      indexing_maps = [#[[ID]], #[[CHANNEL]], #[[ID]]]
// CHECK:         ^bb0(%[[IN:.*]]: f32, %[[SLOPE:.*]]: f32, %{{.*}}: f32):
// CHECK:           %[[POS:.*]] = arith.cmpf ogt, %[[IN]], %{{.*}} : f32
// CHECK:           %[[SCALED:.*]] = arith.mulf %[[SLOPE]], %[[IN]] : f32
// CHECK:           arith.select %[[POS]], %[[IN]], %[[SCALED]] : f32
// CHECK:         linalg.generic
// CHECK-SAME:      indexing_maps = [#[[ID]], #[[SHARED]], #[[ID]]]
func.func @prelu(%x: tensor<?x16x8x8xf32>, %s: tensor<16xf32>, %s1: tensor<1xf32>) -> (tensor<?x16x8x8xf32>, tensor<?x16x8x8xf32>) {
  %0 = nn.prelu %x, %s : tensor<?x16x8x8xf32>, tensor<16xf32>
  %1 = nn.prelu %x, %s1 : tensor<?x16x8x8xf32>, tensor<1xf32>
  return %0, %1 : tensor<?x16x8x8xf32>, tensor<?x16x8x8xf32>
}

// -----

// Tests that bias_add reads the bias along `axis` (default 1, negative axes
// from the end).

// CHECK-DAG: #[[ID:.*]] = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>
// CHECK-DAG: #[[AXIS1:.*]] = affine_map<(d0, d1, d2, d3) -> (d1)>
// CHECK-DAG: #[[LAST:.*]] = affine_map<(d0, d1, d2, d3) -> (d3)>
// CHECK-LABEL: func.func @bias_add(
// CHECK-SAME:    %[[X:.*]]: tensor<?x6x4x4xf32>, %[[B:.*]]: tensor<6xf32>, %[[C:.*]]: tensor<4xf32>
// CHECK:         %[[N:.*]] = tensor.dim %[[X]], %{{.*}} : tensor<?x6x4x4xf32>
// CHECK:         %[[INIT:.*]] = tensor.empty(%[[N]]) : tensor<?x6x4x4xf32>
// CHECK:         linalg.generic
// CHECK-SAME:      indexing_maps = [#[[ID]], #[[AXIS1]], #[[ID]]]
// CHECK-SAME:      ins(%[[X]], %[[B]] : tensor<?x6x4x4xf32>, tensor<6xf32>)
// CHECK:           arith.addf
// CHECK:         linalg.generic
// CHECK-SAME:      indexing_maps = [#[[ID]], #[[LAST]], #[[ID]]]
// CHECK-SAME:      ins(%{{.*}}, %[[C]] : tensor<?x6x4x4xf32>, tensor<4xf32>)
func.func @bias_add(%x: tensor<?x6x4x4xf32>, %b: tensor<6xf32>, %c: tensor<4xf32>) -> tensor<?x6x4x4xf32> {
  %0 = nn.bias_add %x, %b : tensor<?x6x4x4xf32>, tensor<6xf32>
  %1 = nn.bias_add %0, %c {axis = -1 : i64} : tensor<?x6x4x4xf32>, tensor<4xf32>
  return %1 : tensor<?x6x4x4xf32>
}
