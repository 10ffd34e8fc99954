// RUN: nnc-opt %s -split-input-file -verify-diagnostics

// Tests that nn.compare names the predicates it knows.
func.func @compare_unknown_predicate(%a: tensor<4xf32>) {
  // expected-error @+1 {{'nn.compare' op unknown predicate 'gte' (expected "gt", "ge", "lt", "le", "eq" or "ne")}}
  %0 = "nn.compare"(%a, %a) {predicate = "gte"} : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xi1>
  return
}

// -----

// Tests that nn.compare needs its predicate.
func.func @compare_no_predicate(%a: tensor<4xf32>) {
  // expected-error @+1 {{'nn.compare' op requires attribute 'predicate'}}
  %0 = "nn.compare"(%a, %a) : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xi1>
  return
}

// -----

// Tests that nn.compare rejects shapes that do not broadcast.
func.func @compare_not_broadcastable(%a: tensor<4x3xf32>, %b: tensor<4xf32>) {
  // expected-error @+1 {{'nn.compare' op operands are not broadcast-compatible: [4, 3] and [4]}}
  %0 = "nn.compare"(%a, %b) {predicate = "eq"} : (tensor<4x3xf32>, tensor<4xf32>) -> tensor<4x3xi1>
  return
}

// -----

// Tests that nn.compare operands share an element type.
func.func @compare_mixed_types(%a: tensor<4xf32>, %b: tensor<4xi64>) {
  // expected-error @+1 {{'nn.compare' op requires the same element type for all operands}}
  %0 = "nn.compare"(%a, %b) {predicate = "eq"} : (tensor<4xf32>, tensor<4xi64>) -> tensor<4xi1>
  return
}

// -----

// Tests that nn.compare's result is an i1 mask of the broadcast shape.
func.func @compare_result_type(%a: tensor<4xf32>) {
  // expected-error @+1 {{'nn.compare' op result #0 must be ranked tensor of 1-bit signless integer values, but got 'tensor<4xf32>'}}
  %0 = "nn.compare"(%a, %a) {predicate = "eq"} : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  return
}

// -----

// Tests that nn.compare's declared shape must be the broadcast shape.
func.func @compare_result_shape(%a: tensor<4xf32>, %b: tensor<2x1xf32>) {
  // expected-error @+1 {{'nn.compare' op result #0 has type 'tensor<4xi1>' but the operands give 'tensor<2x4xi1>'}}
  %0 = "nn.compare"(%a, %b) {predicate = "eq"} : (tensor<4xf32>, tensor<2x1xf32>) -> tensor<4xi1>
  return
}

// -----

// Tests that nn.select's condition is an i1 tensor.
func.func @select_float_condition(%a: tensor<4xf32>) {
  // expected-error @+1 {{'nn.select' op operand #0 must be ranked tensor of 1-bit signless integer values, but got 'tensor<4xf32>'}}
  %0 = "nn.select"(%a, %a, %a) : (tensor<4xf32>, tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  return
}

// -----

// Tests that nn.select's branches share an element type.
func.func @select_mixed_branches(%c: tensor<4xi1>, %a: tensor<4xf32>, %b: tensor<4xf16>) {
  // expected-error @+1 {{'nn.select' op operand 'b' has element type 'f16' but 'a' has 'f32'}}
  %0 = "nn.select"(%c, %a, %b) : (tensor<4xi1>, tensor<4xf32>, tensor<4xf16>) -> tensor<4xf32>
  return
}

// -----

// Tests that nn.select names all three shapes when they do not broadcast.
func.func @select_not_broadcastable(%c: tensor<3xi1>, %a: tensor<4xf32>, %b: tensor<f32>) {
  // expected-error @+1 {{'nn.select' op operands are not broadcast-compatible: [3], [4] and []}}
  %0 = "nn.select"(%c, %a, %b) : (tensor<3xi1>, tensor<4xf32>, tensor<f32>) -> tensor<4xf32>
  return
}
