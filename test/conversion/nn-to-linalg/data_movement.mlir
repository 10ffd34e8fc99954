// RUN: nnc-opt %s -convert-nn-to-linalg -split-input-file | FileCheck %s

// Tests that a reshape merging neighbouring dimensions is a
// tensor.collapse_shape, which keeps the dynamic batch.

// CHECK-LABEL: func.func @reshape_collapse(
// CHECK-SAME:    %[[X:.*]]: tensor<?x16x5x5xf32>
// CHECK:         %[[Y:.*]] = tensor.collapse_shape %[[X]] {{\[}}[0], [1, 2, 3]] : tensor<?x16x5x5xf32> into tensor<?x400xf32>
// CHECK:         return %[[Y]]
func.func @reshape_collapse(%x: tensor<?x16x5x5xf32>) -> tensor<?x400xf32> {
  %0 = nn.reshape %x : tensor<?x16x5x5xf32> -> tensor<?x400xf32>
  return %0 : tensor<?x400xf32>
}

// -----

// Tests that a reshape splitting dimensions is a tensor.expand_shape whose
// dynamic batch size is read from the input.

// CHECK-LABEL: func.func @reshape_expand(
// CHECK-SAME:    %[[X:.*]]: tensor<?x400xf32>
// CHECK:         %[[N:.*]] = tensor.dim %[[X]], %{{.*}} : tensor<?x400xf32>
// CHECK:         %[[Y:.*]] = tensor.expand_shape %[[X]] {{\[}}[0], [1, 2, 3]] output_shape [%[[N]], 16, 5, 5]
// CHECK-SAME:      : tensor<?x400xf32> into tensor<?x16x5x5xf32>
// CHECK:         return %[[Y]]
func.func @reshape_expand(%x: tensor<?x400xf32>) -> tensor<?x16x5x5xf32> {
  %0 = nn.reshape %x : tensor<?x400xf32> -> tensor<?x16x5x5xf32>
  return %0 : tensor<?x16x5x5xf32>
}

// -----

// Tests that any other reshape collapses to 1-D and expands again, the
// dynamic batch being the element count over the static result sizes.

// CHECK-LABEL: func.func @reshape_general_dynamic(
// CHECK-SAME:    %[[X:.*]]: tensor<?x2x3xf32>
// CHECK:         %[[FLAT:.*]] = tensor.collapse_shape %[[X]] {{\[}}[0, 1, 2]] : tensor<?x2x3xf32> into tensor<?xf32>
// CHECK:         %[[COUNT:.*]] = tensor.dim %[[FLAT]], %{{.*}} : tensor<?xf32>
// CHECK:         %[[SIX:.*]] = arith.constant 6 : index
// CHECK:         %[[N:.*]] = arith.divui %[[COUNT]], %[[SIX]] : index
// CHECK:         %[[Y:.*]] = tensor.expand_shape %[[FLAT]] {{\[}}[0, 1, 2]] output_shape [%[[N]], 3, 2]
// CHECK-SAME:      : tensor<?xf32> into tensor<?x3x2xf32>
// CHECK:         return %[[Y]]
func.func @reshape_general_dynamic(%x: tensor<?x2x3xf32>) -> tensor<?x3x2xf32> {
  %0 = nn.reshape %x : tensor<?x2x3xf32> -> tensor<?x3x2xf32>
  return %0 : tensor<?x3x2xf32>
}

// CHECK-LABEL: func.func @reshape_general_static(
// CHECK:         %[[FLAT:.*]] = tensor.collapse_shape %{{.*}} {{\[}}[0, 1, 2]] : tensor<2x3x4xf32> into tensor<24xf32>
// CHECK:         tensor.expand_shape %[[FLAT]] {{\[}}[0, 1]] output_shape [4, 6] : tensor<24xf32> into tensor<4x6xf32>
func.func @reshape_general_static(%x: tensor<2x3x4xf32>) -> tensor<4x6xf32> {
  %0 = nn.reshape %x : tensor<2x3x4xf32> -> tensor<4x6xf32>
  return %0 : tensor<4x6xf32>
}

// -----

// Tests that rank-0 tensors reshape through groups-free collapse/expand, and
// that a static batch computed for a dynamic result type is cast to it.

// CHECK-LABEL: func.func @reshape_to_scalar(
// CHECK:         tensor.collapse_shape %{{.*}} [] : tensor<1x1xf32> into tensor<f32>
func.func @reshape_to_scalar(%x: tensor<1x1xf32>) -> tensor<f32> {
  %0 = nn.reshape %x : tensor<1x1xf32> -> tensor<f32>
  return %0 : tensor<f32>
}

// CHECK-LABEL: func.func @reshape_from_scalar(
// CHECK:         %[[E:.*]] = tensor.expand_shape %{{.*}} [] output_shape [1, 1] : tensor<f32> into tensor<1x1xf32>
// CHECK:         %[[Y:.*]] = tensor.cast %[[E]] : tensor<1x1xf32> to tensor<?x1xf32>
// CHECK:         return %[[Y]]
func.func @reshape_from_scalar(%x: tensor<f32>) -> tensor<?x1xf32> {
  %0 = nn.reshape %x : tensor<f32> -> tensor<?x1xf32>
  return %0 : tensor<?x1xf32>
}

// -----

// Tests that reshape does not depend on the element type (integer labels).

// CHECK-LABEL: func.func @reshape_i64(
// CHECK:         tensor.expand_shape %{{.*}} {{\[}}[0], [1, 2]] output_shape [%{{.*}}, 2, 2] : tensor<?x4xi64> into tensor<?x2x2xi64>
func.func @reshape_i64(%x: tensor<?x4xi64>) -> tensor<?x2x2xi64> {
  %0 = nn.reshape %x : tensor<?x4xi64> -> tensor<?x2x2xi64>
  return %0 : tensor<?x2x2xi64>
}

// -----

// Tests that broadcast_to adding only leading dimensions is a
// linalg.broadcast.

// CHECK-LABEL: func.func @broadcast_leading(
// CHECK-SAME:    %[[X:.*]]: tensor<10xf32>
// CHECK:         %[[EMPTY:.*]] = tensor.empty() : tensor<2x4x10xf32>
// CHECK:         %[[Y:.*]] = linalg.broadcast ins(%[[X]] : tensor<10xf32>) outs(%[[EMPTY]] : tensor<2x4x10xf32>) dimensions = [0, 1]
// CHECK:         return %[[Y]]
func.func @broadcast_leading(%x: tensor<10xf32>) -> tensor<2x4x10xf32> {
  %0 = nn.broadcast_to %x : tensor<10xf32> -> tensor<2x4x10xf32>
  return %0 : tensor<2x4x10xf32>
}

// -----

// Tests that broadcast_to stretching a size-1 dimension is a generic that
// reads it at index 0, sized by the input's dynamic batch.

// CHECK-DAG: #[[STRETCH:.*]] = affine_map<(d0, d1) -> (d0, 0)>
// CHECK-DAG: #[[ID:.*]] = affine_map<(d0, d1) -> (d0, d1)>
// CHECK-LABEL: func.func @broadcast_unit_dim(
// CHECK-SAME:    %[[X:.*]]: tensor<?x1xf32>
// CHECK:         %[[N:.*]] = tensor.dim %[[X]], %{{.*}} : tensor<?x1xf32>
// CHECK:         %[[EMPTY:.*]] = tensor.empty(%[[N]]) : tensor<?x8xf32>
// CHECK:         linalg.generic
// CHECK-SAME:      indexing_maps = [#[[STRETCH]], #[[ID]]]
// CHECK-SAME:      iterator_types = ["parallel", "parallel"]
// CHECK-SAME:      ins(%[[X]] : tensor<?x1xf32>) outs(%[[EMPTY]] : tensor<?x8xf32>)
// CHECK:         ^bb0(%[[IN:.*]]: f32, %{{.*}}: f32):
// CHECK:           linalg.yield %[[IN]] : f32
func.func @broadcast_unit_dim(%x: tensor<?x1xf32>) -> tensor<?x8xf32> {
  %0 = nn.broadcast_to %x : tensor<?x1xf32> -> tensor<?x8xf32>
  return %0 : tensor<?x8xf32>
}

// -----

// Tests that transpose is a linalg.transpose into a tensor whose dynamic
// size moved with the permutation.

// CHECK-LABEL: func.func @transpose(
// CHECK-SAME:    %[[X:.*]]: tensor<?x3x5xf32>
// CHECK:         %[[N:.*]] = tensor.dim %[[X]], %{{.*}} : tensor<?x3x5xf32>
// CHECK:         %[[EMPTY:.*]] = tensor.empty(%[[N]]) : tensor<5x?x3xf32>
// CHECK:         %[[Y:.*]] = linalg.transpose ins(%[[X]] : tensor<?x3x5xf32>) outs(%[[EMPTY]] : tensor<5x?x3xf32>) permutation = [2, 0, 1]
// CHECK:         return %[[Y]]
func.func @transpose(%x: tensor<?x3x5xf32>) -> tensor<5x?x3xf32> {
  %0 = nn.transpose %x {permutation = array<i64: 2, 0, 1>} : tensor<?x3x5xf32>
  return %0 : tensor<5x?x3xf32>
}

// -----

// Tests that concat along a static axis inserts each input at the running
// offset, with the dynamic batch taken from the first input.

// CHECK-LABEL: func.func @concat_channels(
// CHECK-SAME:    %[[A:.*]]: tensor<?x16x8x8xf32>, %[[B:.*]]: tensor<?x8x8x8xf32>
// CHECK:         %[[N:.*]] = tensor.dim %[[A]], %{{.*}} : tensor<?x16x8x8xf32>
// CHECK:         %[[EMPTY:.*]] = tensor.empty(%[[N]]) : tensor<?x24x8x8xf32>
// CHECK:         %[[NA:.*]] = tensor.dim %[[A]], %{{.*}} : tensor<?x16x8x8xf32>
// CHECK:         %[[WITH_A:.*]] = tensor.insert_slice %[[A]] into %[[EMPTY]][0, 0, 0, 0] [%[[NA]], 16, 8, 8] [1, 1, 1, 1]
// CHECK-SAME:      : tensor<?x16x8x8xf32> into tensor<?x24x8x8xf32>
// CHECK:         %[[NB:.*]] = tensor.dim %[[B]], %{{.*}} : tensor<?x8x8x8xf32>
// CHECK:         %[[Y:.*]] = tensor.insert_slice %[[B]] into %[[WITH_A]][0, 16, 0, 0] [%[[NB]], 8, 8, 8] [1, 1, 1, 1]
// CHECK-SAME:      : tensor<?x8x8x8xf32> into tensor<?x24x8x8xf32>
// CHECK:         return %[[Y]]
func.func @concat_channels(%a: tensor<?x16x8x8xf32>, %b: tensor<?x8x8x8xf32>) -> tensor<?x24x8x8xf32> {
  %0 = nn.concat %a, %b {axis = 1 : i64} : tensor<?x16x8x8xf32>, tensor<?x8x8x8xf32>
  return %0 : tensor<?x24x8x8xf32>
}

// CHECK-LABEL: func.func @concat_negative_axis(
// CHECK:         tensor.empty() : tensor<2x7xf32>
// CHECK:         tensor.insert_slice %{{.*}} into %{{.*}}[0, 0] [2, 3] [1, 1] : tensor<2x3xf32> into tensor<2x7xf32>
// CHECK:         tensor.insert_slice %{{.*}} into %{{.*}}[0, 3] [2, 4] [1, 1] : tensor<2x4xf32> into tensor<2x7xf32>
func.func @concat_negative_axis(%a: tensor<2x3xf32>, %b: tensor<2x4xf32>) -> tensor<2x7xf32> {
  %0 = nn.concat %a, %b {axis = -1 : i64} : tensor<2x3xf32>, tensor<2x4xf32>
  return %0 : tensor<2x7xf32>
}

// -----

// Tests that concat along the dynamic batch sums the input sizes for the
// result and the offsets.

// CHECK-LABEL: func.func @concat_batch(
// CHECK-SAME:    %[[A:.*]]: tensor<?x4xf32>, %[[B:.*]]: tensor<?x4xf32>
// CHECK:         %[[NA:.*]] = tensor.dim %[[A]], %{{.*}} : tensor<?x4xf32>
// CHECK:         %[[NB:.*]] = tensor.dim %[[B]], %{{.*}} : tensor<?x4xf32>
// CHECK:         %[[TOTAL:.*]] = arith.addi %[[NA]], %[[NB]] : index
// CHECK:         %[[EMPTY:.*]] = tensor.empty(%[[TOTAL]]) : tensor<?x4xf32>
// CHECK:         %[[NA2:.*]] = tensor.dim %[[A]], %{{.*}} : tensor<?x4xf32>
// CHECK:         %[[WITH_A:.*]] = tensor.insert_slice %[[A]] into %[[EMPTY]][0, 0] [%[[NA2]], 4] [1, 1]
// CHECK:         %[[NB2:.*]] = tensor.dim %[[B]], %{{.*}} : tensor<?x4xf32>
// CHECK:         tensor.insert_slice %[[B]] into %[[WITH_A]][%[[NA2]], 0] [%[[NB2]], 4] [1, 1]
func.func @concat_batch(%a: tensor<?x4xf32>, %b: tensor<?x4xf32>) -> tensor<?x4xf32> {
  %0 = nn.concat %a, %b {axis = 0 : i64} : tensor<?x4xf32>, tensor<?x4xf32>
  return %0 : tensor<?x4xf32>
}
