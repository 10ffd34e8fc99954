// RUN: nnc-opt %s -convert-nn-to-linalg -split-input-file | FileCheck %s

// Tests that slice is a tensor.extract_slice at `start` along its axis,
// whole along the others (a dynamic batch read with tensor.dim).

// CHECK-LABEL: func.func @slice(
// CHECK-SAME:    %[[X:.*]]: tensor<?x24xf32>
// CHECK:         %[[N:.*]] = tensor.dim %[[X]], %{{.*}} : tensor<?x24xf32>
// CHECK:         %[[Y:.*]] = tensor.extract_slice %[[X]][0, 16] [%[[N]], 8] [1, 1] : tensor<?x24xf32> to tensor<?x8xf32>
// CHECK:         return %[[Y]]
func.func @slice(%x: tensor<?x24xf32>) -> tensor<?x8xf32> {
  %0 = nn.slice %x {axis = 1 : i64, start = 16 : i64, size = 8 : i64} : tensor<?x24xf32>
  return %0 : tensor<?x8xf32>
}

// -----

// Tests that expand_as sizes its result from `like` (whose elements are not
// read) and broadcasts x's size-1 dimension with a constant-0 index.

// CHECK-DAG: #[[BCAST:.*]] = affine_map<(d0, d1) -> (0, d1)>
// CHECK-DAG: #[[ID:.*]] = affine_map<(d0, d1) -> (d0, d1)>
// CHECK-LABEL: func.func @expand_as(
// CHECK-SAME:    %[[G:.*]]: tensor<1x10xf32>, %[[LIKE:.*]]: tensor<?x10xf32>
// CHECK:         %[[N:.*]] = tensor.dim %[[LIKE]], %{{.*}} : tensor<?x10xf32>
// CHECK:         %[[INIT:.*]] = tensor.empty(%[[N]]) : tensor<?x10xf32>
// CHECK:         %[[Y:.*]] = linalg.generic
// CHECK-SAME:      indexing_maps = [#[[BCAST]], #[[ID]]]
// CHECK-SAME:      ins(%[[G]] : tensor<1x10xf32>) outs(%[[INIT]] : tensor<?x10xf32>)
// CHECK:         return %[[Y]]
func.func @expand_as(%g: tensor<1x10xf32>, %x: tensor<?x10xf32>) -> tensor<?x10xf32> {
  %0 = nn.expand_as %g, %x : tensor<1x10xf32>, tensor<?x10xf32>
  return %0 : tensor<?x10xf32>
}

// -----

// Tests that expand_as of a scalar over integer labels yields floats shaped
// like the labels.

// CHECK-LABEL: func.func @count_labels(
// CHECK-SAME:    %[[ONE:.*]]: tensor<f32>, %[[L:.*]]: tensor<?xi64>
// CHECK:         %[[N:.*]] = tensor.dim %[[L]], %{{.*}} : tensor<?xi64>
// CHECK:         tensor.empty(%[[N]]) : tensor<?xf32>
// CHECK:         linalg.generic
// CHECK-SAME:      ins(%[[ONE]] : tensor<f32>)
func.func @count_labels(%one: tensor<f32>, %labels: tensor<?xi64>) -> tensor<?xf32> {
  %0 = nn.expand_as %one, %labels : tensor<f32>, tensor<?xi64>
  return %0 : tensor<?xf32>
}
