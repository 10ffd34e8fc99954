// RUN: nnc-opt %s -split-input-file -canonicalize | FileCheck %s

// Tests that two transposes compose into one: r[i] = p[q[i]].
// CHECK-LABEL: func.func @compose_transposes(
// CHECK-SAME: %[[X:.*]]: tensor<2x3x4xf32>
// CHECK: %[[T:.*]] = nn.transpose %[[X]] {permutation = array<i64: 2, 0, 1>} : tensor<2x3x4xf32>
// CHECK-NOT: nn.transpose
// CHECK: return %[[T]] : tensor<4x2x3xf32>
func.func @compose_transposes(%x: tensor<2x3x4xf32>) -> tensor<4x2x3xf32> {
  %0 = nn.transpose %x {permutation = array<i64: 1, 2, 0>} : tensor<2x3x4xf32>
  %1 = nn.transpose %0 {permutation = array<i64: 1, 2, 0>} : tensor<3x4x2xf32>
  return %1 : tensor<4x2x3xf32>
}

// -----

// Tests that a transpose undone by another disappears.
// CHECK-LABEL: func.func @inverse_transposes(
// CHECK-SAME: %[[X:.*]]: tensor<?x3x32x32xf32>
// CHECK-NOT: nn.transpose
// CHECK: return %[[X]] : tensor<?x3x32x32xf32>
func.func @inverse_transposes(%x: tensor<?x3x32x32xf32>) -> tensor<?x3x32x32xf32> {
  %0 = nn.transpose %x {permutation = array<i64: 0, 2, 3, 1>} : tensor<?x3x32x32xf32>
  %1 = nn.transpose %0 {permutation = array<i64: 0, 3, 1, 2>} : tensor<?x32x32x3xf32>
  return %1 : tensor<?x3x32x32xf32>
}

// -----

// Tests that an identity transpose folds away.
// CHECK-LABEL: func.func @identity_transpose(
// CHECK-SAME: %[[X:.*]]: tensor<?x10xf32>
// CHECK-NOT: nn.transpose
// CHECK: return %[[X]] : tensor<?x10xf32>
func.func @identity_transpose(%x: tensor<?x10xf32>) -> tensor<?x10xf32> {
  %0 = nn.transpose %x {permutation = array<i64: 0, 1>} : tensor<?x10xf32>
  return %0 : tensor<?x10xf32>
}

// -----

// Tests that two reshapes become one to the final shape.
// CHECK-LABEL: func.func @compose_reshapes(
// CHECK-SAME: %[[X:.*]]: tensor<?x16x5x5xf32>
// CHECK: %[[R:.*]] = nn.reshape %[[X]] : tensor<?x16x5x5xf32> -> tensor<?x20x20xf32>
// CHECK-NOT: nn.reshape
// CHECK: return %[[R]] : tensor<?x20x20xf32>
func.func @compose_reshapes(%x: tensor<?x16x5x5xf32>) -> tensor<?x20x20xf32> {
  %0 = nn.reshape %x : tensor<?x16x5x5xf32> -> tensor<?x400xf32>
  %1 = nn.reshape %0 : tensor<?x400xf32> -> tensor<?x20x20xf32>
  return %1 : tensor<?x20x20xf32>
}

// -----

// Tests that reshaping back to the input's type leaves no reshape.
// CHECK-LABEL: func.func @reshape_round_trip(
// CHECK-SAME: %[[X:.*]]: tensor<?x16x5x5xf32>
// CHECK-NOT: nn.reshape
// CHECK: return %[[X]] : tensor<?x16x5x5xf32>
func.func @reshape_round_trip(%x: tensor<?x16x5x5xf32>) -> tensor<?x16x5x5xf32> {
  %0 = nn.reshape %x : tensor<?x16x5x5xf32> -> tensor<?x400xf32>
  %1 = nn.reshape %0 : tensor<?x400xf32> -> tensor<?x16x5x5xf32>
  return %1 : tensor<?x16x5x5xf32>
}

// -----

// Tests that a reshape to the same type folds away.
// CHECK-LABEL: func.func @reshape_same_type(
// CHECK-SAME: %[[X:.*]]: tensor<4x6xf32>
// CHECK-NOT: nn.reshape
// CHECK: return %[[X]] : tensor<4x6xf32>
func.func @reshape_same_type(%x: tensor<4x6xf32>) -> tensor<4x6xf32> {
  %0 = nn.reshape %x : tensor<4x6xf32> -> tensor<4x6xf32>
  return %0 : tensor<4x6xf32>
}

// -----

// Tests that a reshaped constant is a constant of the new shape.
// CHECK-LABEL: func.func @reshape_constant(
// CHECK: %[[C:.*]] = arith.constant dense<{{\[}}[1.000000e+00, 2.000000e+00, 3.000000e+00], [4.000000e+00, 5.000000e+00, 6.000000e+00]]> : tensor<2x3xf32>
// CHECK-NOT: nn.reshape
// CHECK: return %[[C]] : tensor<2x3xf32>
func.func @reshape_constant() -> tensor<2x3xf32> {
  %c = arith.constant dense<[1.0, 2.0, 3.0, 4.0, 5.0, 6.0]> : tensor<6xf32>
  %0 = nn.reshape %c : tensor<6xf32> -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// -----

// Tests that a constant reshaped to a dynamic batch is not folded: a constant
// needs a static type.
// CHECK-LABEL: func.func @reshape_constant_dynamic(
// CHECK: %[[C:.*]] = arith.constant dense<1.000000e+00> : tensor<6xf32>
// CHECK: %[[R:.*]] = nn.reshape %[[C]] : tensor<6xf32> -> tensor<?x3xf32>
// CHECK: return %[[R]]
func.func @reshape_constant_dynamic() -> tensor<?x3xf32> {
  %c = arith.constant dense<1.0> : tensor<6xf32>
  %0 = nn.reshape %c : tensor<6xf32> -> tensor<?x3xf32>
  return %0 : tensor<?x3xf32>
}

// -----

// Tests that adding zero on either side is removed.
// CHECK-LABEL: func.func @add_zero(
// CHECK-SAME: %[[X:.*]]: tensor<?x10xf32>
// CHECK-NOT: nn.add
// CHECK: return %[[X]], %[[X]] : tensor<?x10xf32>, tensor<?x10xf32>
func.func @add_zero(%x: tensor<?x10xf32>) -> (tensor<?x10xf32>, tensor<?x10xf32>) {
  %zero = arith.constant dense<0.0> : tensor<10xf32>
  %0 = nn.add %x, %zero : tensor<?x10xf32>, tensor<10xf32>
  %1 = nn.add %zero, %x : tensor<10xf32>, tensor<?x10xf32>
  return %0, %1 : tensor<?x10xf32>, tensor<?x10xf32>
}

// -----

// Tests that adding a zero that broadcasts x to a larger shape is kept (add
// is commutative, so the constant moves to the right).
// CHECK-LABEL: func.func @add_zero_broadcasts(
// CHECK-SAME: %[[X:.*]]: tensor<10xf32>
// CHECK: %[[Z:.*]] = arith.constant dense<0.000000e+00> : tensor<4x10xf32>
// CHECK: %[[A:.*]] = nn.add %[[X]], %[[Z]] : tensor<10xf32>, tensor<4x10xf32>
// CHECK: %[[B:.*]] = nn.add %[[X]], %[[Z]] : tensor<10xf32>, tensor<4x10xf32>
// CHECK: return %[[A]], %[[B]]
func.func @add_zero_broadcasts(%x: tensor<10xf32>) -> (tensor<4x10xf32>, tensor<4x10xf32>) {
  %zero = arith.constant dense<0.0> : tensor<4x10xf32>
  %0 = nn.add %x, %zero : tensor<10xf32>, tensor<4x10xf32>
  %1 = nn.add %zero, %x : tensor<4x10xf32>, tensor<10xf32>
  return %0, %1 : tensor<4x10xf32>, tensor<4x10xf32>
}

// -----

// Tests that adding a non-zero or non-splat constant is kept.
// CHECK-LABEL: func.func @add_nonzero(
// CHECK-SAME: %[[X:.*]]: tensor<2xf32>
// CHECK: %[[A:.*]] = nn.add %[[X]], %{{.*}} : tensor<2xf32>, tensor<2xf32>
// CHECK: %[[B:.*]] = nn.add %[[X]], %{{.*}} : tensor<2xf32>, tensor<2xf32>
// CHECK: return %[[A]], %[[B]]
func.func @add_nonzero(%x: tensor<2xf32>) -> (tensor<2xf32>, tensor<2xf32>) {
  %one = arith.constant dense<1.0> : tensor<2xf32>
  %mixed = arith.constant dense<[0.0, 1.0]> : tensor<2xf32>
  %0 = nn.add %x, %one : tensor<2xf32>, tensor<2xf32>
  %1 = nn.add %x, %mixed : tensor<2xf32>, tensor<2xf32>
  return %0, %1 : tensor<2xf32>, tensor<2xf32>
}

// -----

// Tests that subtracting zero is removed but subtracting from zero is not.
// CHECK-LABEL: func.func @sub_zero(
// CHECK-SAME: %[[X:.*]]: tensor<?x10xf32>
// CHECK: %[[Z:.*]] = arith.constant dense<0.000000e+00> : tensor<f32>
// CHECK: %[[N:.*]] = nn.sub %[[Z]], %[[X]] : tensor<f32>, tensor<?x10xf32>
// CHECK: return %[[X]], %[[N]]
func.func @sub_zero(%x: tensor<?x10xf32>) -> (tensor<?x10xf32>, tensor<?x10xf32>) {
  %zero = arith.constant dense<0.0> : tensor<f32>
  %0 = nn.sub %x, %zero : tensor<?x10xf32>, tensor<f32>
  %1 = nn.sub %zero, %x : tensor<f32>, tensor<?x10xf32>
  return %0, %1 : tensor<?x10xf32>, tensor<?x10xf32>
}

// -----

// Tests that multiplying by one on either side is removed.
// CHECK-LABEL: func.func @mul_one(
// CHECK-SAME: %[[X:.*]]: tensor<?x10xf32>
// CHECK-NOT: nn.mul
// CHECK: return %[[X]], %[[X]]
func.func @mul_one(%x: tensor<?x10xf32>) -> (tensor<?x10xf32>, tensor<?x10xf32>) {
  %one = arith.constant dense<1.0> : tensor<1x10xf32>
  %0 = nn.mul %x, %one : tensor<?x10xf32>, tensor<1x10xf32>
  %1 = nn.mul %one, %x : tensor<1x10xf32>, tensor<?x10xf32>
  return %0, %1 : tensor<?x10xf32>, tensor<?x10xf32>
}

// -----

// Tests that multiplying by two is kept.
// CHECK-LABEL: func.func @mul_two(
// CHECK-SAME: %[[X:.*]]: tensor<?x10xf32>
// CHECK: %[[T:.*]] = arith.constant dense<2.000000e+00> : tensor<10xf32>
// CHECK: %[[M:.*]] = nn.mul %[[X]], %[[T]] : tensor<?x10xf32>, tensor<10xf32>
// CHECK: return %[[M]]
func.func @mul_two(%x: tensor<?x10xf32>) -> tensor<?x10xf32> {
  %two = arith.constant dense<2.0> : tensor<10xf32>
  %0 = nn.mul %x, %two : tensor<?x10xf32>, tensor<10xf32>
  return %0 : tensor<?x10xf32>
}

// -----

// Tests that multiplying by a one that broadcasts x is kept.
// CHECK-LABEL: func.func @mul_one_broadcasts(
// CHECK: nn.mul
func.func @mul_one_broadcasts(%x: tensor<10xf32>) -> tensor<3x10xf32> {
  %one = arith.constant dense<1.0> : tensor<3x1xf32>
  %0 = nn.mul %one, %x : tensor<3x1xf32>, tensor<10xf32>
  return %0 : tensor<3x10xf32>
}

// -----

// Tests that dividing by one is removed but dividing one by x is not.
// CHECK-LABEL: func.func @div_one(
// CHECK-SAME: %[[X:.*]]: tensor<?x10xf32>
// CHECK: %[[O:.*]] = arith.constant dense<1.000000e+00> : tensor<10xf32>
// CHECK: %[[R:.*]] = nn.div %[[O]], %[[X]] : tensor<10xf32>, tensor<?x10xf32>
// CHECK: return %[[X]], %[[R]]
func.func @div_one(%x: tensor<?x10xf32>) -> (tensor<?x10xf32>, tensor<?x10xf32>) {
  %one = arith.constant dense<1.0> : tensor<10xf32>
  %0 = nn.div %x, %one : tensor<?x10xf32>, tensor<10xf32>
  %1 = nn.div %one, %x : tensor<10xf32>, tensor<?x10xf32>
  return %0, %1 : tensor<?x10xf32>, tensor<?x10xf32>
}

// -----

// Tests that a double negation is removed and a single one kept.
// CHECK-LABEL: func.func @neg_neg(
// CHECK-SAME: %[[X:.*]]: tensor<?x10xf32>
// CHECK: %[[N:.*]] = nn.neg %[[X]] : tensor<?x10xf32>
// CHECK-NOT: nn.neg
// CHECK: return %[[X]], %[[N]]
func.func @neg_neg(%x: tensor<?x10xf32>) -> (tensor<?x10xf32>, tensor<?x10xf32>) {
  %0 = nn.neg %x : tensor<?x10xf32>
  %1 = nn.neg %0 : tensor<?x10xf32>
  return %1, %0 : tensor<?x10xf32>, tensor<?x10xf32>
}

// -----

// Tests that broadcasting to the same type folds away.
// CHECK-LABEL: func.func @broadcast_same_type(
// CHECK-SAME: %[[X:.*]]: tensor<4x10xf32>
// CHECK-NOT: nn.broadcast_to
// CHECK: return %[[X]] : tensor<4x10xf32>
func.func @broadcast_same_type(%x: tensor<4x10xf32>) -> tensor<4x10xf32> {
  %0 = nn.broadcast_to %x : tensor<4x10xf32> -> tensor<4x10xf32>
  return %0 : tensor<4x10xf32>
}

// -----

// Tests that a broadcast splat is a splat and other broadcasts stay.
// CHECK-LABEL: func.func @broadcast_constant(
// CHECK-SAME: %[[X:.*]]: tensor<10xf32>
// CHECK-DAG: %[[S:.*]] = arith.constant dense<3.000000e+00> : tensor<4x10xf32>
// CHECK-DAG: %[[C:.*]] = arith.constant dense<[1.000000e+00, 2.000000e+00]> : tensor<2xf32>
// CHECK-DAG: %[[B:.*]] = nn.broadcast_to %[[C]] : tensor<2xf32> -> tensor<3x2xf32>
// CHECK-DAG: %[[Y:.*]] = nn.broadcast_to %[[X]] : tensor<10xf32> -> tensor<?x10xf32>
// CHECK: return %[[S]], %[[B]], %[[Y]]
func.func @broadcast_constant(%x: tensor<10xf32>) -> (tensor<4x10xf32>, tensor<3x2xf32>, tensor<?x10xf32>) {
  %splat = arith.constant dense<3.0> : tensor<10xf32>
  %c = arith.constant dense<[1.0, 2.0]> : tensor<2xf32>
  %0 = nn.broadcast_to %splat : tensor<10xf32> -> tensor<4x10xf32>
  %1 = nn.broadcast_to %c : tensor<2xf32> -> tensor<3x2xf32>
  %2 = nn.broadcast_to %x : tensor<10xf32> -> tensor<?x10xf32>
  return %0, %1, %2 : tensor<4x10xf32>, tensor<3x2xf32>, tensor<?x10xf32>
}

// -----

// Tests that a concat of one input folds away and of two stays.
// CHECK-LABEL: func.func @concat_one(
// CHECK-SAME: %[[X:.*]]: tensor<?x16xf32>
// CHECK: %[[C:.*]] = nn.concat %[[X]], %[[X]] {axis = 1 : i64} : tensor<?x16xf32>, tensor<?x16xf32>
// CHECK: return %[[X]], %[[C]]
func.func @concat_one(%x: tensor<?x16xf32>) -> (tensor<?x16xf32>, tensor<?x32xf32>) {
  %0 = nn.concat %x {axis = 1 : i64} : tensor<?x16xf32>
  %1 = nn.concat %x, %x {axis = 1 : i64} : tensor<?x16xf32>, tensor<?x16xf32>
  return %0, %1 : tensor<?x16xf32>, tensor<?x32xf32>
}
