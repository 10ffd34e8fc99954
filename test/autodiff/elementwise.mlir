// RUN: nnc-opt %s -split-input-file --nn-autodiff=function=f | FileCheck %s

// Each loss is Σ y · g with an input g, so the cotangent of y is exactly %g
// once the seed's multiplications by 1 fold away.

// Tests that relu's gradient is a select on x > 0 that reuses the forward x.
// CHECK-LABEL: func.func @f_grad(
// CHECK-SAME: %[[X:.*]]: tensor<4x5xf32> {nn.param}, %[[G:.*]]: tensor<4x5xf32>)
// CHECK-SAME: -> (tensor<f32>, tensor<4x5xf32>)
// CHECK-DAG: %[[ZERO:.*]] = arith.constant dense<0.000000e+00> : tensor<f32>
// CHECK: %[[Y:.*]] = nn.relu %[[X]] : tensor<4x5xf32>
// CHECK: %[[LOSS:.*]] = nn.reduce_sum
// CHECK: %[[POS:.*]] = nn.compare %[[X]], %[[ZERO]] {predicate = "gt"}
// CHECK: %[[DX:.*]] = nn.select %[[POS]], %[[G]], %[[ZERO]]
// CHECK: return %[[LOSS]], %[[DX]] : tensor<f32>, tensor<4x5xf32>
func.func @f(%x: tensor<4x5xf32> {nn.param}, %g: tensor<4x5xf32>) -> tensor<f32> {
  %y = nn.relu %x : tensor<4x5xf32>
  %p = nn.mul %y, %g : tensor<4x5xf32>, tensor<4x5xf32>
  %l = nn.reduce_sum %p : tensor<4x5xf32>
  return %l : tensor<f32>
}

// -----

// Tests that sigmoid's gradient g · y · (1 − y) reads the forward result
// instead of recomputing it.
// CHECK-LABEL: func.func @f_grad(
// CHECK-SAME: %[[X:.*]]: tensor<4x5xf32> {nn.param}, %[[G:.*]]: tensor<4x5xf32>)
// CHECK-DAG: %[[ONE:.*]] = arith.constant dense<1.000000e+00> : tensor<f32>
// CHECK: %[[Y:.*]] = nn.sigmoid %[[X]]
// CHECK-NOT: nn.sigmoid
// CHECK: %[[Q:.*]] = nn.sub %[[ONE]], %[[Y]]
// CHECK: %[[D:.*]] = nn.mul %[[Y]], %[[Q]]
// CHECK: %[[DX:.*]] = nn.mul %[[G]], %[[D]]
// CHECK: return %{{.*}}, %[[DX]]
func.func @f(%x: tensor<4x5xf32> {nn.param}, %g: tensor<4x5xf32>) -> tensor<f32> {
  %y = nn.sigmoid %x : tensor<4x5xf32>
  %p = nn.mul %y, %g : tensor<4x5xf32>, tensor<4x5xf32>
  %l = nn.reduce_sum %p : tensor<4x5xf32>
  return %l : tensor<f32>
}

// -----

// Tests that log's gradient is g / x and exp's is g · y.
// CHECK-LABEL: func.func @f_grad(
// CHECK-SAME: %[[X:.*]]: tensor<3xf32> {nn.param}, %[[G:.*]]: tensor<3xf32>)
// CHECK: %[[E:.*]] = nn.exp %[[X]]
// CHECK: %[[L:.*]] = nn.log %[[E]]
// CHECK: %[[DE:.*]] = nn.div %[[G]], %[[E]]
// CHECK: %[[DX:.*]] = nn.mul %[[DE]], %[[E]]
// CHECK: return %{{.*}}, %[[DX]]
func.func @f(%x: tensor<3xf32> {nn.param}, %g: tensor<3xf32>) -> tensor<f32> {
  %e = nn.exp %x : tensor<3xf32>
  %y = nn.log %e : tensor<3xf32>
  %p = nn.mul %y, %g : tensor<3xf32>, tensor<3xf32>
  %l = nn.reduce_sum %p : tensor<3xf32>
  return %l : tensor<f32>
}

// -----

// Tests that a broadcasting add sums the cotangent over the broadcast axes:
// the leading axis [2] that b lacks, then its stretched size-1 axis (kept).
// CHECK-LABEL: func.func @f_grad(
// CHECK-SAME: %[[A:.*]]: tensor<2x3x4xf32> {nn.param}, %[[B:.*]]: tensor<3x1xf32> {nn.param}, %[[G:.*]]: tensor<2x3x4xf32>)
// CHECK-SAME: -> (tensor<f32>, tensor<2x3x4xf32>, tensor<3x1xf32>)
// CHECK: %[[LEAD:.*]] = nn.reduce_sum %[[G]] {axes = array<i64: 0>} : tensor<2x3x4xf32>
// CHECK: %[[DB:.*]] = nn.reduce_sum %[[LEAD]] {axes = array<i64: 1>, keep_dims = true} : tensor<3x4xf32>
// CHECK: return %{{.*}}, %[[G]], %[[DB]]
func.func @f(%a: tensor<2x3x4xf32> {nn.param}, %b: tensor<3x1xf32> {nn.param}, %g: tensor<2x3x4xf32>) -> tensor<f32> {
  %y = nn.add %a, %b : tensor<2x3x4xf32>, tensor<3x1xf32>
  %p = nn.mul %y, %g : tensor<2x3x4xf32>, tensor<2x3x4xf32>
  %l = nn.reduce_sum %p : tensor<2x3x4xf32>
  return %l : tensor<f32>
}

// -----

// Tests that div's gradients are g / b and −g · y / b, reusing y = a / b
// (g · y is the forward product, found by CSE), with b's summed over the
// batch it was broadcast along.
// CHECK-LABEL: func.func @f_grad(
// CHECK-SAME: %[[A:.*]]: tensor<4x3xf32> {nn.param}, %[[B:.*]]: tensor<3xf32> {nn.param}, %[[G:.*]]: tensor<4x3xf32>)
// CHECK: %[[Y:.*]] = nn.div %[[A]], %[[B]]
// CHECK: %[[GY:.*]] = nn.mul %[[Y]], %[[G]]
// CHECK-DAG: %[[Q:.*]] = nn.div %[[GY]], %[[B]]
// CHECK-DAG: %[[NEG:.*]] = nn.neg %[[Q]]
// CHECK-DAG: %[[DA:.*]] = nn.div %[[G]], %[[B]]
// CHECK-DAG: %[[DB:.*]] = nn.reduce_sum %[[NEG]] {axes = array<i64: 0>}
// CHECK: return %{{.*}}, %[[DA]], %[[DB]]
func.func @f(%a: tensor<4x3xf32> {nn.param}, %b: tensor<3xf32> {nn.param}, %g: tensor<4x3xf32>) -> tensor<f32> {
  %y = nn.div %a, %b : tensor<4x3xf32>, tensor<3xf32>
  %p = nn.mul %y, %g : tensor<4x3xf32>, tensor<4x3xf32>
  %l = nn.reduce_sum %p : tensor<4x3xf32>
  return %l : tensor<f32>
}

// -----

// Tests that maximum routes g to the larger operand and splits it on ties.
// CHECK-LABEL: func.func @f_grad(
// CHECK-SAME: %[[A:.*]]: tensor<4xf32> {nn.param}, %[[B:.*]]: tensor<4xf32> {nn.param}, %[[G:.*]]: tensor<4xf32>)
// CHECK-DAG: %[[HALF:.*]] = arith.constant dense<5.000000e-01> : tensor<f32>
// CHECK-DAG: %[[TIE:.*]] = nn.compare %[[A]], %[[B]] {predicate = "eq"}
// CHECK-DAG: %[[AWINS:.*]] = nn.compare %[[A]], %[[B]] {predicate = "gt"}
// CHECK-DAG: %[[BWINS:.*]] = nn.compare %[[B]], %[[A]] {predicate = "gt"}
// CHECK-DAG: %[[SPLIT:.*]] = nn.mul %[[G]], %[[HALF]]
// CHECK-DAG: %[[TIED:.*]] = nn.select %[[TIE]], %[[SPLIT]], %{{.*}}
// CHECK-DAG: %[[DA:.*]] = nn.select %[[AWINS]], %[[G]], %[[TIED]]
// CHECK-DAG: %[[DB:.*]] = nn.select %[[BWINS]], %[[G]], %[[TIED]]
// CHECK: return %{{.*}}, %[[DA]], %[[DB]]
func.func @f(%a: tensor<4xf32> {nn.param}, %b: tensor<4xf32> {nn.param}, %g: tensor<4xf32>) -> tensor<f32> {
  %y = nn.maximum %a, %b : tensor<4xf32>, tensor<4xf32>
  %p = nn.mul %y, %g : tensor<4xf32>, tensor<4xf32>
  %l = nn.reduce_sum %p : tensor<4xf32>
  return %l : tensor<f32>
}

// -----

// Tests that prelu's slope gradient sums g · x where x ≤ 0 over every axis
// but the channel axis, and x's gradient scales g by the slope reshaped to
// broadcast along axis 1.
// CHECK-LABEL: func.func @f_grad(
// CHECK-SAME: %[[X:.*]]: tensor<2x3x4xf32> {nn.param}, %[[S:.*]]: tensor<3xf32> {nn.param}, %[[G:.*]]: tensor<2x3x4xf32>)
// CHECK-DAG: %[[ZERO:.*]] = arith.constant dense<0.000000e+00> : tensor<f32>
// CHECK-DAG: %[[CH:.*]] = nn.reshape %[[S]] : tensor<3xf32> -> tensor<3x1xf32>
// CHECK-DAG: %[[POS:.*]] = nn.compare %[[X]], %[[ZERO]] {predicate = "gt"}
// CHECK-DAG: %[[GS:.*]] = nn.mul %[[G]], %[[CH]]
// CHECK-DAG: %[[DX:.*]] = nn.select %[[POS]], %[[G]], %[[GS]]
// CHECK-DAG: %[[GX:.*]] = nn.mul %[[G]], %[[X]]
// CHECK-DAG: %[[NEGPART:.*]] = nn.select %[[POS]], %[[ZERO]], %[[GX]]
// CHECK-DAG: %[[DS:.*]] = nn.reduce_sum %[[NEGPART]] {axes = array<i64: 0, 2>}
// CHECK: return %{{.*}}, %[[DX]], %[[DS]]
func.func @f(%x: tensor<2x3x4xf32> {nn.param}, %s: tensor<3xf32> {nn.param}, %g: tensor<2x3x4xf32>) -> tensor<f32> {
  %y = nn.prelu %x, %s : tensor<2x3x4xf32>, tensor<3xf32>
  %p = nn.mul %y, %g : tensor<2x3x4xf32>, tensor<2x3x4xf32>
  %l = nn.reduce_sum %p : tensor<2x3x4xf32>
  return %l : tensor<f32>
}

// -----

// Tests that bias_add passes g to x and sums it over all axes but `axis`
// for the bias.
// CHECK-LABEL: func.func @f_grad(
// CHECK-SAME: %[[X:.*]]: tensor<2x3x4xf32> {nn.param}, %[[B:.*]]: tensor<3xf32> {nn.param}, %[[G:.*]]: tensor<2x3x4xf32>)
// CHECK: %[[DB:.*]] = nn.reduce_sum %[[G]] {axes = array<i64: 0, 2>} : tensor<2x3x4xf32>
// CHECK: return %{{.*}}, %[[G]], %[[DB]]
func.func @f(%x: tensor<2x3x4xf32> {nn.param}, %b: tensor<3xf32> {nn.param}, %g: tensor<2x3x4xf32>) -> tensor<f32> {
  %y = nn.bias_add %x, %b : tensor<2x3x4xf32>, tensor<3xf32>
  %p = nn.mul %y, %g : tensor<2x3x4xf32>, tensor<2x3x4xf32>
  %l = nn.reduce_sum %p : tensor<2x3x4xf32>
  return %l : tensor<f32>
}
