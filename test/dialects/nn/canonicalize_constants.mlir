// RUN: nnc-opt %s -split-input-file -canonicalize | FileCheck %s

// Tests the folds that clean up the scale factors of backward graphs:
// splat constants multiply and divide into one constant, a splat spread by
// expand_as over a static shape is a splat, and a splat of 1 spread over a
// dynamic shape is still the identity of mul.

// Tests that products and quotients of splat constants fold, broadcasting
// to the static result shape.
// CHECK-LABEL: func.func @splat_arithmetic(
// CHECK-DAG: %[[P:.*]] = arith.constant dense<1.500000e+00> : tensor<2xf32>
// CHECK-DAG: %[[Q:.*]] = arith.constant dense<2.500000e-01> : tensor<f32>
// CHECK: return %[[P]], %[[Q]]
func.func @splat_arithmetic() -> (tensor<2xf32>, tensor<f32>) {
  %half = arith.constant dense<0.5> : tensor<f32>
  %three = arith.constant dense<3.0> : tensor<2xf32>
  %one = arith.constant dense<1.0> : tensor<f32>
  %four = arith.constant dense<4.0> : tensor<f32>
  %p = nn.mul %half, %three : tensor<f32>, tensor<2xf32>
  %q = nn.div %one, %four : tensor<f32>, tensor<f32>
  return %p, %q : tensor<2xf32>, tensor<f32>
}

// -----

// Tests that a non-splat constant is not folded: only splats are.
// CHECK-LABEL: func.func @non_splat(
// CHECK: nn.mul
func.func @non_splat() -> tensor<2xf32> {
  %a = arith.constant dense<[1.0, 2.0]> : tensor<2xf32>
  %b = arith.constant dense<3.0> : tensor<f32>
  %p = nn.mul %a, %b : tensor<2xf32>, tensor<f32>
  return %p : tensor<2xf32>
}

// -----

// Tests that expand_as of a splat over a static shape is a splat constant,
// and expand_as to its own type is its operand.
// CHECK-LABEL: func.func @expand_as_folds(
// CHECK-SAME: %[[X:.*]]: tensor<2x3xf32>, %[[Y:.*]]: tensor<?x3xf32>
// CHECK-DAG: %[[S:.*]] = arith.constant dense<7.000000e+00> : tensor<2x3xf32>
// CHECK: return %[[S]], %[[Y]]
func.func @expand_as_folds(%x: tensor<2x3xf32>, %y: tensor<?x3xf32>) -> (tensor<2x3xf32>, tensor<?x3xf32>) {
  %seven = arith.constant dense<7.0> : tensor<1x3xf32>
  %0 = nn.expand_as %seven, %x : tensor<1x3xf32>, tensor<2x3xf32>
  %1 = nn.expand_as %y, %y : tensor<?x3xf32>, tensor<?x3xf32>
  return %0, %1 : tensor<2x3xf32>, tensor<?x3xf32>
}

// -----

// Tests that multiplying by ones spread over a dynamic batch is the
// identity when the other operand has the result's type, and adding zeros
// likewise.
// CHECK-LABEL: func.func @identity_through_expand_as(
// CHECK-SAME: %[[G:.*]]: tensor<?x3xf32>
// CHECK-NOT: nn.mul
// CHECK-NOT: nn.add
// CHECK: return %[[G]], %[[G]]
func.func @identity_through_expand_as(%g: tensor<?x3xf32>) -> (tensor<?x3xf32>, tensor<?x3xf32>) {
  %one = arith.constant dense<1.0> : tensor<1x1xf32>
  %zero = arith.constant dense<0.0> : tensor<f32>
  %ones = nn.expand_as %one, %g : tensor<1x1xf32>, tensor<?x3xf32>
  %zeros = nn.expand_as %zero, %g : tensor<f32>, tensor<?x3xf32>
  %0 = nn.mul %ones, %g : tensor<?x3xf32>, tensor<?x3xf32>
  %1 = nn.add %g, %zeros : tensor<?x3xf32>, tensor<?x3xf32>
  return %0, %1 : tensor<?x3xf32>, tensor<?x3xf32>
}
