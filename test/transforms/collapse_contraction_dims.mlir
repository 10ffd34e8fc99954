// RUN: nnc-opt %s -nnc-collapse-contraction-dims -split-input-file | FileCheck %s

// Tests that a contraction whose n is split over three loops (a linear
// layer's input gradient with the [N, 400] → [N, 16, 5, 5] view propagated
// into it) gets one n loop again: W's expand_shape folds away, the output is
// collapsed to [N, 400] and the result expanded back, so the GEMM codegen
// sees exactly one m, n and k.

#a = affine_map<(d0, d1, d2, d3, d4) -> (d0, d4)>
#b = affine_map<(d0, d1, d2, d3, d4) -> (d4, d1, d2, d3)>
#c = affine_map<(d0, d1, d2, d3, d4) -> (d0, d1, d2, d3)>

// CHECK-DAG:   #[[AMAP:.*]] = affine_map<(d0, d1, d2) -> (d0, d2)>
// CHECK-DAG:   #[[BMAP:.*]] = affine_map<(d0, d1, d2) -> (d2, d1)>
// CHECK-DAG:   #[[CMAP:.*]] = affine_map<(d0, d1, d2) -> (d0, d1)>
// CHECK-LABEL: func.func @split_n
// CHECK-SAME:    (%[[DY:.*]]: tensor<?x120xf32>, %[[W:.*]]: tensor<120x400xf32>, %[[INIT:.*]]: tensor<?x16x5x5xf32>)
// CHECK:         %[[C:.*]] = tensor.collapse_shape %[[INIT]] {{\[}}[0], [1, 2, 3]] : tensor<?x16x5x5xf32> into tensor<?x400xf32>
// CHECK:         %[[R:.*]] = linalg.generic
// CHECK-SAME:      indexing_maps = [#[[AMAP]], #[[BMAP]], #[[CMAP]]]
// CHECK-SAME:      iterator_types = ["parallel", "parallel", "reduction"]
// CHECK-SAME:      ins(%[[DY]], %[[W]] : tensor<?x120xf32>, tensor<120x400xf32>) outs(%[[C]] : tensor<?x400xf32>)
// CHECK:         %[[E:.*]] = tensor.expand_shape %[[R]] {{\[}}[0], [1, 2, 3]] output_shape [%{{.*}}, 16, 5, 5]
// CHECK:         return %[[E]]
func.func @split_n(%dy: tensor<?x120xf32>, %w: tensor<120x400xf32>, %init: tensor<?x16x5x5xf32>) -> tensor<?x16x5x5xf32> {
  %w4 = tensor.expand_shape %w [[0], [1, 2, 3]] output_shape [120, 16, 5, 5] : tensor<120x400xf32> into tensor<120x16x5x5xf32>
  %0 = linalg.generic {indexing_maps = [#a, #b, #c], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction"]} ins(%dy, %w4 : tensor<?x120xf32>, tensor<120x16x5x5xf32>) outs(%init : tensor<?x16x5x5xf32>) {
  ^bb0(%x: f32, %y: f32, %acc: f32):
    %m = arith.mulf %x, %y : f32
    %s = arith.addf %acc, %m : f32
    linalg.yield %s : f32
  } -> tensor<?x16x5x5xf32>
  return %0 : tensor<?x16x5x5xf32>
}

// -----

// Tests that n loops one operand reads in another order (W as [K, 5, 16])
// cannot merge, and that the contraction is then left as it is.

#a = affine_map<(d0, d1, d2, d3) -> (d0, d3)>
#b = affine_map<(d0, d1, d2, d3) -> (d3, d2, d1)>
#c = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2)>

// CHECK-LABEL: func.func @permuted_n
// CHECK-NOT:     tensor.collapse_shape
// CHECK:         linalg.generic
// CHECK-SAME:      iterator_types = ["parallel", "parallel", "parallel", "reduction"]
// CHECK-NOT:     tensor.expand_shape
func.func @permuted_n(%a: tensor<4x8xf32>, %b: tensor<8x5x16xf32>, %init: tensor<4x16x5xf32>) -> tensor<4x16x5xf32> {
  %0 = linalg.generic {indexing_maps = [#a, #b, #c], iterator_types = ["parallel", "parallel", "parallel", "reduction"]} ins(%a, %b : tensor<4x8xf32>, tensor<8x5x16xf32>) outs(%init : tensor<4x16x5xf32>) {
  ^bb0(%x: f32, %y: f32, %acc: f32):
    %m = arith.mulf %x, %y : f32
    %s = arith.addf %acc, %m : f32
    linalg.yield %s : f32
  } -> tensor<4x16x5xf32>
  return %0 : tensor<4x16x5xf32>
}

// -----

// Tests that an elementwise generic over [N, C, H, W] is not touched: only
// contractions are merged.

#id = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>

// CHECK-LABEL: func.func @elementwise
// CHECK-NOT:     tensor.collapse_shape
// CHECK:         linalg.generic
// CHECK-SAME:      iterator_types = ["parallel", "parallel", "parallel", "parallel"]
func.func @elementwise(%x: tensor<2x3x4x5xf32>, %init: tensor<2x3x4x5xf32>) -> tensor<2x3x4x5xf32> {
  %0 = linalg.generic {indexing_maps = [#id, #id], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%x : tensor<2x3x4x5xf32>) outs(%init : tensor<2x3x4x5xf32>) {
  ^bb0(%v: f32, %o: f32):
    %n = arith.negf %v : f32
    linalg.yield %n : f32
  } -> tensor<2x3x4x5xf32>
  return %0 : tensor<2x3x4x5xf32>
}
