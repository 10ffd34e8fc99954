// RUN: nnc-opt %s -convert-nn-to-linalg -split-input-file | FileCheck %s

// Tests that compare on floats is an ordered arith.cmpf in a broadcasting
// generic yielding i1, and that select is arith.select on the mask, the
// rank-0 operand read through an empty map.

// CHECK-DAG: #[[ID:.*]] = affine_map<(d0, d1) -> (d0, d1)>
// CHECK-DAG: #[[SCALAR:.*]] = affine_map<(d0, d1) -> ()>
// CHECK-LABEL: func.func @relu_mask(
// CHECK-SAME:    %[[X:.*]]: tensor<?x10xf32>, %[[G:.*]]: tensor<?x10xf32>
// CHECK:         %[[ZERO:.*]] = arith.constant dense<0.000000e+00> : tensor<f32>
// CHECK:         %[[MINIT:.*]] = tensor.empty(%{{.*}}) : tensor<?x10xi1>
// CHECK:         %[[MASK:.*]] = linalg.generic
// CHECK-SAME:      indexing_maps = [#[[ID]], #[[SCALAR]], #[[ID]]]
// CHECK-SAME:      ins(%[[X]], %[[ZERO]] : tensor<?x10xf32>, tensor<f32>) outs(%[[MINIT]] : tensor<?x10xi1>)
// CHECK:           arith.cmpf ogt, %{{.*}}, %{{.*}} : f32
// CHECK:         %[[Y:.*]] = linalg.generic
// CHECK-SAME:      indexing_maps = [#[[ID]], #[[ID]], #[[SCALAR]], #[[ID]]]
// CHECK-SAME:      ins(%[[MASK]], %[[G]], %[[ZERO]] : tensor<?x10xi1>, tensor<?x10xf32>, tensor<f32>)
// CHECK:         ^bb0(%[[C:.*]]: i1, %[[A:.*]]: f32, %[[B:.*]]: f32, %{{.*}}: f32):
// CHECK:           %[[S:.*]] = arith.select %[[C]], %[[A]], %[[B]] : f32
// CHECK:           linalg.yield %[[S]] : f32
// CHECK:         return %[[Y]]
func.func @relu_mask(%x: tensor<?x10xf32>, %g: tensor<?x10xf32>) -> tensor<?x10xf32> {
  %zero = arith.constant dense<0.0> : tensor<f32>
  %m = nn.compare %x, %zero {predicate = "gt"} : tensor<?x10xf32>, tensor<f32>
  %y = nn.select %m, %g, %zero : tensor<?x10xi1>, tensor<?x10xf32>, tensor<f32>
  return %y : tensor<?x10xf32>
}

// -----

// Tests that "ne" on floats is unordered (NaN is unequal to everything) and
// that each other predicate maps to its ordered arith.cmpf.

// CHECK-LABEL: func.func @float_predicates(
// CHECK: arith.cmpf une
// CHECK: arith.cmpf oge
// CHECK: arith.cmpf olt
// CHECK: arith.cmpf ole
// CHECK: arith.cmpf oeq
func.func @float_predicates(%a: tensor<4xf32>, %b: tensor<4xf32>) -> (tensor<4xi1>, tensor<4xi1>, tensor<4xi1>, tensor<4xi1>, tensor<4xi1>) {
  %0 = nn.compare %a, %b {predicate = "ne"} : tensor<4xf32>, tensor<4xf32>
  %1 = nn.compare %a, %b {predicate = "ge"} : tensor<4xf32>, tensor<4xf32>
  %2 = nn.compare %a, %b {predicate = "lt"} : tensor<4xf32>, tensor<4xf32>
  %3 = nn.compare %a, %b {predicate = "le"} : tensor<4xf32>, tensor<4xf32>
  %4 = nn.compare %a, %b {predicate = "eq"} : tensor<4xf32>, tensor<4xf32>
  return %0, %1, %2, %3, %4 : tensor<4xi1>, tensor<4xi1>, tensor<4xi1>, tensor<4xi1>, tensor<4xi1>
}

// -----

// Tests that integer labels [N, 1] compared with class ids [K] are a signed
// arith.cmpi over the broadcast [N, K], the batch read from the labels.

// CHECK-DAG: #[[COL:.*]] = affine_map<(d0, d1) -> (d0, 0)>
// CHECK-DAG: #[[ROW:.*]] = affine_map<(d0, d1) -> (d1)>
// CHECK-LABEL: func.func @one_hot_mask(
// CHECK-SAME:    %[[L:.*]]: tensor<?x1xi64>, %[[K:.*]]: tensor<10xi64>
// CHECK:         %[[N:.*]] = tensor.dim %[[L]], %{{.*}} : tensor<?x1xi64>
// CHECK:         tensor.empty(%[[N]]) : tensor<?x10xi1>
// CHECK:         linalg.generic
// CHECK-SAME:      indexing_maps = [#[[COL]], #[[ROW]], #{{.*}}]
// CHECK:           arith.cmpi eq, %{{.*}}, %{{.*}} : i64
func.func @one_hot_mask(%l: tensor<?x1xi64>, %k: tensor<10xi64>) -> tensor<?x10xi1> {
  %m = nn.compare %l, %k {predicate = "eq"} : tensor<?x1xi64>, tensor<10xi64>
  return %m : tensor<?x10xi1>
}

// -----

// Tests that integer "gt" is signed.

// CHECK-LABEL: func.func @signed(
// CHECK: arith.cmpi sgt, %{{.*}}, %{{.*}} : i32
func.func @signed(%a: tensor<4xi32>, %b: tensor<4xi32>) -> tensor<4xi1> {
  %0 = nn.compare %a, %b {predicate = "gt"} : tensor<4xi32>, tensor<4xi32>
  return %0 : tensor<4xi1>
}
