// RUN: nnc-opt %s -split-input-file -verify-diagnostics

// Tests that a unary op keeps its operand's type.
func.func @unary_result_type(%x: tensor<4x8xf32>) {
  // expected-error @+1 {{'nn.relu' op requires the same type for all operands and results}}
  %y = "nn.relu"(%x) : (tensor<4x8xf32>) -> tensor<4x9xf32>
  return
}

// -----

// Tests that activations take float tensors only.
func.func @unary_int_operand(%x: tensor<4xi32>) {
  // expected-error @+1 {{'nn.sigmoid' op operand #0 must be ranked tensor of floating-point values, but got 'tensor<4xi32>'}}
  %y = "nn.sigmoid"(%x) : (tensor<4xi32>) -> tensor<4xi32>
  return
}

// -----

// Tests that leaky_relu's alpha is an f32 attribute.
func.func @leaky_relu_alpha_type(%x: tensor<4xf32>) {
  // expected-error @+1 {{'nn.leaky_relu' op attribute 'alpha' failed to satisfy constraint: 32-bit float attribute}}
  %y = "nn.leaky_relu"(%x) {alpha = 1 : i64} : (tensor<4xf32>) -> tensor<4xf32>
  return
}

// -----

// Tests that binary ops reject shapes NumPy cannot broadcast.
func.func @binary_not_broadcastable(%a: tensor<4x3xf32>, %b: tensor<4xf32>) {
  // expected-error @+1 {{'nn.add' op operands are not broadcast-compatible: [4, 3] and [4]}}
  %c = "nn.add"(%a, %b) : (tensor<4x3xf32>, tensor<4xf32>) -> tensor<4x3xf32>
  return
}

// -----

// Tests that a static size other than 1 does not broadcast against another.
func.func @binary_not_broadcastable_dynamic(%a: tensor<?x3xf32>, %b: tensor<2x1x5xf32>) {
  // expected-error @+1 {{'nn.mul' op operands are not broadcast-compatible: [?, 3] and [2, 1, 5]}}
  %c = "nn.mul"(%a, %b) : (tensor<?x3xf32>, tensor<2x1x5xf32>) -> tensor<2x?x3xf32>
  return
}

// -----

// Tests that the custom form reports broadcasting errors while parsing.
func.func @binary_not_broadcastable_custom(%a: tensor<8xf32>, %b: tensor<7xf32>) {
  // expected-error @+1 {{'nn.sub' op operands are not broadcast-compatible: [8] and [7]}}
  %c = nn.sub %a, %b : tensor<8xf32>, tensor<7xf32>
  return
}

// -----

// Tests that binary operands share their element type.
func.func @binary_element_types(%a: tensor<4xf32>, %b: tensor<4xf16>) {
  // expected-error @+1 {{'nn.div' op requires the same element type for all operands}}
  %c = "nn.div"(%a, %b) : (tensor<4xf32>, tensor<4xf16>) -> tensor<4xf32>
  return
}

// -----

// Tests that a binary op's declared result type must be the broadcast shape.
func.func @binary_result_type(%a: tensor<?x4xf32>, %b: tensor<4xf32>) {
  // expected-error @+1 {{'nn.maximum' op result #0 has type 'tensor<?x5xf32>' but the operands give 'tensor<?x4xf32>'}}
  %c = "nn.maximum"(%a, %b) : (tensor<?x4xf32>, tensor<4xf32>) -> tensor<?x5xf32>
  return
}

// -----

// Tests that a binary op's declared result has the operands' element type.
func.func @binary_result_element_type(%a: tensor<4xf32>, %b: tensor<4xf32>) {
  // expected-error @+1 {{'nn.minimum' op result #0 has type 'tensor<4xf16>' but the operands give 'tensor<4xf32>'}}
  %c = "nn.minimum"(%a, %b) : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf16>
  return
}

// -----

// Tests that prelu needs a channel axis.
func.func @prelu_rank(%x: tensor<8xf32>, %s: tensor<8xf32>) {
  // expected-error @+1 {{'nn.prelu' op operand 'x' must have rank >= 2 (channels on axis 1), got rank 1}}
  %y = "nn.prelu"(%x, %s) : (tensor<8xf32>, tensor<8xf32>) -> tensor<8xf32>
  return
}

// -----

// Tests that prelu's slope is a vector.
func.func @prelu_slope_rank(%x: tensor<2x8xf32>, %s: tensor<1x8xf32>) {
  // expected-error @+1 {{'nn.prelu' op operand 'slope' must have rank 1, got rank 2 ([1, 8])}}
  %y = "nn.prelu"(%x, %s) : (tensor<2x8xf32>, tensor<1x8xf32>) -> tensor<2x8xf32>
  return
}

// -----

// Tests that prelu's slope has one element per channel or a single one.
func.func @prelu_slope_size(%x: tensor<?x8x4x4xf32>, %s: tensor<4xf32>) {
  // expected-error @+1 {{'nn.prelu' op operand 'slope' has 4 elements but 'x' has 8 channels (expected 8 or 1)}}
  %y = "nn.prelu"(%x, %s) : (tensor<?x8x4x4xf32>, tensor<4xf32>) -> tensor<?x8x4x4xf32>
  return
}

// -----

// Tests that prelu's slope has x's element type.
func.func @prelu_slope_element_type(%x: tensor<2x8xf32>, %s: tensor<8xf16>) {
  // expected-error @+1 {{'nn.prelu' op operand 'slope' has element type 'f16' but 'x' has 'f32'}}
  %y = "nn.prelu"(%x, %s) : (tensor<2x8xf32>, tensor<8xf16>) -> tensor<2x8xf32>
  return
}

// -----

// Tests that bias_add's axis is within x's rank.
func.func @bias_add_axis(%x: tensor<2x8xf32>, %b: tensor<8xf32>) {
  // expected-error @+1 {{'nn.bias_add' op axis 2 is out of range for rank 2 (expected -2 <= axis < 2)}}
  %y = "nn.bias_add"(%x, %b) {axis = 2 : i64} : (tensor<2x8xf32>, tensor<8xf32>) -> tensor<2x8xf32>
  return
}

// -----

// Tests that negative bias_add axes are bounded too.
func.func @bias_add_negative_axis(%x: tensor<2x8xf32>, %b: tensor<8xf32>) {
  // expected-error @+1 {{'nn.bias_add' op axis -3 is out of range for rank 2 (expected -2 <= axis < 2)}}
  %y = "nn.bias_add"(%x, %b) {axis = -3 : i64} : (tensor<2x8xf32>, tensor<8xf32>) -> tensor<2x8xf32>
  return
}

// -----

// Tests that the bias is a vector.
func.func @bias_add_bias_rank(%x: tensor<2x8xf32>, %b: tensor<2x8xf32>) {
  // expected-error @+1 {{'nn.bias_add' op operand 'bias' must have rank 1, got rank 2 ([2, 8])}}
  %y = "nn.bias_add"(%x, %b) : (tensor<2x8xf32>, tensor<2x8xf32>) -> tensor<2x8xf32>
  return
}

// -----

// Tests that the bias has as many elements as x has along the axis.
func.func @bias_add_bias_size(%x: tensor<?x6x28x28xf32>, %b: tensor<28xf32>) {
  // expected-error @+1 {{'nn.bias_add' op operand 'bias' has 28 elements but 'x' has size 6 along axis 1}}
  %y = "nn.bias_add"(%x, %b) : (tensor<?x6x28x28xf32>, tensor<28xf32>) -> tensor<?x6x28x28xf32>
  return
}

// -----

// Tests that the bias has x's element type.
func.func @bias_add_bias_element_type(%x: tensor<2x8xf32>, %b: tensor<8xbf16>) {
  // expected-error @+1 {{'nn.bias_add' op operand 'bias' has element type 'bf16' but 'x' has 'f32'}}
  %y = "nn.bias_add"(%x, %b) : (tensor<2x8xf32>, tensor<8xbf16>) -> tensor<2x8xf32>
  return
}

// -----

// Tests that bias_add's result keeps x's type.
func.func @bias_add_result_type(%x: tensor<2x8xf32>, %b: tensor<8xf32>) {
  // expected-error @+1 {{'nn.bias_add' op result #0 has type 'tensor<8xf32>' but the operands give 'tensor<2x8xf32>'}}
  %y = "nn.bias_add"(%x, %b) : (tensor<2x8xf32>, tensor<8xf32>) -> tensor<8xf32>
  return
}
