// RUN: nnc-opt %s -split-input-file -verify-diagnostics

// Tests that batch_norm needs a channel axis.
func.func @batch_norm_rank(%x: tensor<16xf32>, %c: tensor<16xf32>) {
  // expected-error @+1 {{'nn.batch_norm' op operand 'x' must have rank >= 2 (channels on axis 1), got rank 1}}
  %y:3 = "nn.batch_norm"(%x, %c, %c, %c, %c) : (tensor<16xf32>, tensor<16xf32>, tensor<16xf32>, tensor<16xf32>, tensor<16xf32>) -> (tensor<16xf32>, tensor<16xf32>, tensor<16xf32>)
  return
}

// -----

// Tests that gamma is a vector.
func.func @batch_norm_gamma_rank(%x: tensor<?x16x8x8xf32>, %g: tensor<1x16xf32>, %c: tensor<16xf32>) {
  // expected-error @+1 {{'nn.batch_norm' op operand 'gamma' must have rank 1, got rank 2 ([1, 16])}}
  %y:3 = "nn.batch_norm"(%x, %g, %c, %c, %c) : (tensor<?x16x8x8xf32>, tensor<1x16xf32>, tensor<16xf32>, tensor<16xf32>, tensor<16xf32>) -> (tensor<?x16x8x8xf32>, tensor<16xf32>, tensor<16xf32>)
  return
}

// -----

// Tests that gamma has one element per channel.
func.func @batch_norm_gamma_size(%x: tensor<?x16x8x8xf32>, %g: tensor<8xf32>, %c: tensor<16xf32>) {
  // expected-error @+1 {{'nn.batch_norm' op operand 'gamma' has 8 elements but 'x' has 16 channels}}
  %y:3 = "nn.batch_norm"(%x, %g, %c, %c, %c) : (tensor<?x16x8x8xf32>, tensor<8xf32>, tensor<16xf32>, tensor<16xf32>, tensor<16xf32>) -> (tensor<?x16x8x8xf32>, tensor<16xf32>, tensor<16xf32>)
  return
}

// -----

// Tests that beta has one element per channel.
func.func @batch_norm_beta_size(%x: tensor<?x16x8x8xf32>, %b: tensor<17xf32>, %c: tensor<16xf32>) {
  // expected-error @+1 {{'nn.batch_norm' op operand 'beta' has 17 elements but 'x' has 16 channels}}
  %y:3 = "nn.batch_norm"(%x, %c, %b, %c, %c) : (tensor<?x16x8x8xf32>, tensor<16xf32>, tensor<17xf32>, tensor<16xf32>, tensor<16xf32>) -> (tensor<?x16x8x8xf32>, tensor<16xf32>, tensor<16xf32>)
  return
}

// -----

// Tests that the running mean is a vector.
func.func @batch_norm_mean_rank(%x: tensor<?x16x8x8xf32>, %m: tensor<f32>, %c: tensor<16xf32>) {
  // expected-error @+1 {{'nn.batch_norm' op operand 'mean' must have rank 1, got rank 0 ([])}}
  %y:3 = "nn.batch_norm"(%x, %c, %c, %m, %c) : (tensor<?x16x8x8xf32>, tensor<16xf32>, tensor<16xf32>, tensor<f32>, tensor<16xf32>) -> (tensor<?x16x8x8xf32>, tensor<f32>, tensor<16xf32>)
  return
}

// -----

// Tests that the running variance has one element per channel.
func.func @batch_norm_var_size(%x: tensor<?x16x8x8xf32>, %v: tensor<4xf32>, %c: tensor<16xf32>) {
  // expected-error @+1 {{'nn.batch_norm' op operand 'var' has 4 elements but 'x' has 16 channels}}
  %y:3 = "nn.batch_norm"(%x, %c, %c, %c, %v) : (tensor<?x16x8x8xf32>, tensor<16xf32>, tensor<16xf32>, tensor<16xf32>, tensor<4xf32>) -> (tensor<?x16x8x8xf32>, tensor<16xf32>, tensor<4xf32>)
  return
}

// -----

// Tests that batch_norm's epsilon is non-negative.
func.func @batch_norm_epsilon(%x: tensor<?x16xf32>, %c: tensor<16xf32>) {
  // expected-error @+1 {{'nn.batch_norm' op 'epsilon' must be non-negative, got -1.000000e-03}}
  %y:3 = "nn.batch_norm"(%x, %c, %c, %c, %c) {epsilon = -0.001 : f32} : (tensor<?x16xf32>, tensor<16xf32>, tensor<16xf32>, tensor<16xf32>, tensor<16xf32>) -> (tensor<?x16xf32>, tensor<16xf32>, tensor<16xf32>)
  return
}

// -----

// Tests that batch_norm's momentum is at most 1.
func.func @batch_norm_momentum_high(%x: tensor<?x16xf32>, %c: tensor<16xf32>) {
  // expected-error @+1 {{'nn.batch_norm' op 'momentum' must be in [0, 1], got 1.500000e+00}}
  %y:3 = "nn.batch_norm"(%x, %c, %c, %c, %c) {momentum = 1.5 : f32} : (tensor<?x16xf32>, tensor<16xf32>, tensor<16xf32>, tensor<16xf32>, tensor<16xf32>) -> (tensor<?x16xf32>, tensor<16xf32>, tensor<16xf32>)
  return
}

// -----

// Tests that batch_norm's momentum is non-negative.
func.func @batch_norm_momentum_negative(%x: tensor<?x16xf32>, %c: tensor<16xf32>) {
  // expected-error @+1 {{'nn.batch_norm' op 'momentum' must be in [0, 1], got -1.000000e-01}}
  %y:3 = "nn.batch_norm"(%x, %c, %c, %c, %c) {momentum = -0.1 : f32} : (tensor<?x16xf32>, tensor<16xf32>, tensor<16xf32>, tensor<16xf32>, tensor<16xf32>) -> (tensor<?x16xf32>, tensor<16xf32>, tensor<16xf32>)
  return
}

// -----

// Tests that batch_norm's operands share their element type.
func.func @batch_norm_element_types(%x: tensor<?x16xf32>, %c: tensor<16xf32>, %h: tensor<16xf16>) {
  // expected-error @+1 {{'nn.batch_norm' op requires the same element type for all operands}}
  %y:3 = "nn.batch_norm"(%x, %h, %c, %c, %c) : (tensor<?x16xf32>, tensor<16xf16>, tensor<16xf32>, tensor<16xf32>, tensor<16xf32>) -> (tensor<?x16xf32>, tensor<16xf32>, tensor<16xf32>)
  return
}

// -----

// Tests that batch_norm returns exactly three results.
func.func @batch_norm_result_count(%x: tensor<?x16xf32>, %c: tensor<16xf32>) {
  // expected-error @+1 {{'nn.batch_norm' op expected 3 results}}
  %y:2 = "nn.batch_norm"(%x, %c, %c, %c, %c) : (tensor<?x16xf32>, tensor<16xf32>, tensor<16xf32>, tensor<16xf32>, tensor<16xf32>) -> (tensor<?x16xf32>, tensor<16xf32>)
  return
}

// -----

// Tests that batch_norm's running statistics keep the statistics' type.
func.func @batch_norm_result_type(%x: tensor<?x16xf32>, %c: tensor<16xf32>) {
  // expected-error @+1 {{'nn.batch_norm' op result #2 has type 'tensor<?x16xf32>' but the operands give 'tensor<16xf32>'}}
  %y:3 = "nn.batch_norm"(%x, %c, %c, %c, %c) : (tensor<?x16xf32>, tensor<16xf32>, tensor<16xf32>, tensor<16xf32>, tensor<16xf32>) -> (tensor<?x16xf32>, tensor<16xf32>, tensor<?x16xf32>)
  return
}

// -----

// Tests that dropout's rate is below 1.
func.func @dropout_rate_one(%x: tensor<?x256xf32>, %seed: tensor<i64>) {
  // expected-error @+1 {{'nn.dropout' op 'rate' must be in [0, 1), got 1.000000e+00}}
  %y = "nn.dropout"(%x, %seed) {rate = 1.0 : f32, training = true} : (tensor<?x256xf32>, tensor<i64>) -> tensor<?x256xf32>
  return
}

// -----

// Tests that dropout's rate is non-negative.
func.func @dropout_rate_negative(%x: tensor<?x256xf32>, %seed: tensor<i64>) {
  // expected-error @+1 {{'nn.dropout' op 'rate' must be in [0, 1), got -5.000000e-01}}
  %y = "nn.dropout"(%x, %seed) {rate = -0.5 : f32} : (tensor<?x256xf32>, tensor<i64>) -> tensor<?x256xf32>
  return
}

// -----

// Tests that dropout's seed is a scalar i64 tensor.
func.func @dropout_seed_type(%x: tensor<?x256xf32>, %seed: tensor<2xi64>) {
  // expected-error @+1 {{'nn.dropout' op operand #1 must be 0D tensor of 64-bit signless integer values, but got 'tensor<2xi64>'}}
  %y = "nn.dropout"(%x, %seed) : (tensor<?x256xf32>, tensor<2xi64>) -> tensor<?x256xf32>
  return
}

// -----

// Tests that dropout keeps x's type.
func.func @dropout_result_type(%x: tensor<?x256xf32>, %seed: tensor<i64>) {
  // expected-error @+1 {{'nn.dropout' op result #0 has type 'tensor<?x128xf32>' but the operands give 'tensor<?x256xf32>'}}
  %y = "nn.dropout"(%x, %seed) : (tensor<?x256xf32>, tensor<i64>) -> tensor<?x128xf32>
  return
}

// -----

// Tests that lrn needs batch and channel axes and at least one more.
func.func @lrn_rank(%x: tensor<4x64xf32>) {
  // expected-error @+1 {{'nn.lrn' op operand 'x' must have rank >= 3 (N, C, ...), got rank 2}}
  %y = "nn.lrn"(%x) : (tensor<4x64xf32>) -> tensor<4x64xf32>
  return
}

// -----

// Tests that lrn's window size is positive.
func.func @lrn_size(%x: tensor<?x64x16x16xf32>) {
  // expected-error @+1 {{'nn.lrn' op 'size' must be positive, got 0}}
  %y = "nn.lrn"(%x) {size = 0 : i64} : (tensor<?x64x16x16xf32>) -> tensor<?x64x16x16xf32>
  return
}

// -----

// Tests that softmax needs at least one axis.
func.func @softmax_scalar(%x: tensor<f32>) {
  // expected-error @+1 {{'nn.softmax' op operand 'x' must have rank >= 1, got rank 0}}
  %y = "nn.softmax"(%x) : (tensor<f32>) -> tensor<f32>
  return
}

// -----

// Tests that softmax's axis is within x's rank.
func.func @softmax_axis(%x: tensor<?x10xf32>) {
  // expected-error @+1 {{'nn.softmax' op axis 2 is out of range for rank 2 (expected -2 <= axis < 2)}}
  %y = "nn.softmax"(%x) {axis = 2 : i64} : (tensor<?x10xf32>) -> tensor<?x10xf32>
  return
}

// -----

// Tests that log_softmax's negative axis is within x's rank.
func.func @log_softmax_axis(%x: tensor<?x10xf32>) {
  // expected-error @+1 {{'nn.log_softmax' op axis -3 is out of range for rank 2 (expected -2 <= axis < 2)}}
  %y = "nn.log_softmax"(%x) {axis = -3 : i64} : (tensor<?x10xf32>) -> tensor<?x10xf32>
  return
}

// -----

// Tests that softmax's axis is an i64 attribute.
func.func @softmax_axis_type(%x: tensor<?x10xf32>) {
  // expected-error @+1 {{'nn.softmax' op attribute 'axis' failed to satisfy constraint: 64-bit signless integer attribute}}
  %y = nn.softmax %x {axis = 1 : i32} : tensor<?x10xf32>
  return
}

// -----

// Tests that softmax keeps x's type.
func.func @softmax_result_type(%x: tensor<?x10xf32>) {
  // expected-error @+1 {{'nn.softmax' op result #0 has type 'tensor<?x10xf16>' but the operands give 'tensor<?x10xf32>'}}
  %y = "nn.softmax"(%x) : (tensor<?x10xf32>) -> tensor<?x10xf16>
  return
}
