// RUN: nnc-opt %s -split-input-file -verify-diagnostics

// Tests that a loss names a known reduction.
func.func @sce_unknown_reduction(%logits: tensor<?x10xf32>, %labels: tensor<?xi64>) {
  // expected-error @+1 {{'nn.softmax_cross_entropy' op unknown reduction 'avg' (expected "mean", "sum" or "none")}}
  %l = "nn.softmax_cross_entropy"(%logits, %labels) {reduction = "avg"} : (tensor<?x10xf32>, tensor<?xi64>) -> tensor<f32>
  return
}

// -----

// Tests that reductions are lower-case names.
func.func @mse_unknown_reduction(%y: tensor<?x1xf32>, %t: tensor<?x1xf32>) {
  // expected-error @+1 {{'nn.mse_loss' op unknown reduction 'Sum' (expected "mean", "sum" or "none")}}
  %l = nn.mse_loss %y, %t {reduction = "Sum"} : tensor<?x1xf32>, tensor<?x1xf32>
  return
}

// -----

// Tests that binary_cross_entropy checks its reduction too.
func.func @bce_unknown_reduction(%p: tensor<4x1xf32>, %t: tensor<4x1xf32>) {
  // expected-error @+1 {{'nn.binary_cross_entropy' op unknown reduction '' (expected "mean", "sum" or "none")}}
  %l = "nn.binary_cross_entropy"(%p, %t) {reduction = ""} : (tensor<4x1xf32>, tensor<4x1xf32>) -> tensor<f32>
  return
}

// -----

// Tests that a reduction is a string attribute.
func.func @loss_reduction_type(%y: tensor<4xf32>, %t: tensor<4xf32>) {
  // expected-error @+1 {{'nn.mse_loss' op attribute 'reduction' failed to satisfy constraint: string attribute}}
  %l = "nn.mse_loss"(%y, %t) {reduction = 0 : i64} : (tensor<4xf32>, tensor<4xf32>) -> tensor<f32>
  return
}

// -----

// Tests that softmax_cross_entropy takes [N, K] logits.
func.func @sce_logits_rank(%logits: tensor<10xf32>, %labels: tensor<1xi64>) {
  // expected-error @+1 {{'nn.softmax_cross_entropy' op operand 'logits' must have rank 2, got rank 1 ([10])}}
  %l = "nn.softmax_cross_entropy"(%logits, %labels) : (tensor<10xf32>, tensor<1xi64>) -> tensor<f32>
  return
}

// -----

// Tests that class labels are a vector.
func.func @sce_int_labels_rank(%logits: tensor<?x10xf32>, %labels: tensor<?x1xi64>) {
  // expected-error @+1 {{'nn.softmax_cross_entropy' op integer 'labels' must have shape [N] = [?], got [?, 1]}}
  %l = "nn.softmax_cross_entropy"(%logits, %labels) : (tensor<?x10xf32>, tensor<?x1xi64>) -> tensor<f32>
  return
}

// -----

// Tests that there is one class label per row of logits.
func.func @sce_int_labels_count(%logits: tensor<32x10xf32>, %labels: tensor<16xi32>) {
  // expected-error @+1 {{'nn.softmax_cross_entropy' op integer 'labels' must have shape [N] = [32], got [16]}}
  %l = "nn.softmax_cross_entropy"(%logits, %labels) : (tensor<32x10xf32>, tensor<16xi32>) -> tensor<f32>
  return
}

// -----

// Tests that class labels are i32 or i64.
func.func @sce_labels_dtype(%logits: tensor<?x10xf32>, %labels: tensor<?xi8>) {
  // expected-error @+1 {{'nn.softmax_cross_entropy' op operand #1 must be ranked tensor of 32-bit signless integer or 64-bit signless integer or floating-point values, but got 'tensor<?xi8>'}}
  %l = "nn.softmax_cross_entropy"(%logits, %labels) : (tensor<?x10xf32>, tensor<?xi8>) -> tensor<f32>
  return
}

// -----

// Tests that probability labels have the logits' element type.
func.func @sce_prob_labels_dtype(%logits: tensor<?x10xf32>, %labels: tensor<?x10xf16>) {
  // expected-error @+1 {{'nn.softmax_cross_entropy' op probability 'labels' have element type 'f16' but 'logits' have 'f32'}}
  %l = "nn.softmax_cross_entropy"(%logits, %labels) : (tensor<?x10xf32>, tensor<?x10xf16>) -> tensor<f32>
  return
}

// -----

// Tests that probability labels have the logits' shape.
func.func @sce_prob_labels_shape(%logits: tensor<?x10xf32>, %labels: tensor<?x9xf32>) {
  // expected-error @+1 {{'nn.softmax_cross_entropy' op probability 'labels' must have the shape of 'logits' [?, 10], got [?, 9]}}
  %l = "nn.softmax_cross_entropy"(%logits, %labels) : (tensor<?x10xf32>, tensor<?x9xf32>) -> tensor<f32>
  return
}

// -----

// Tests that probability labels are [N, K], not [N].
func.func @sce_prob_labels_rank(%logits: tensor<8x10xf32>, %labels: tensor<8xf32>) {
  // expected-error @+1 {{'nn.softmax_cross_entropy' op probability 'labels' must have the shape of 'logits' [8, 10], got [8]}}
  %l = "nn.softmax_cross_entropy"(%logits, %labels) : (tensor<8x10xf32>, tensor<8xf32>) -> tensor<f32>
  return
}

// -----

// Tests that a mean loss is a scalar.
func.func @sce_mean_result_type(%logits: tensor<?x10xf32>, %labels: tensor<?xi64>) {
  // expected-error @+1 {{'nn.softmax_cross_entropy' op result #0 has type 'tensor<?xf32>' but the operands give 'tensor<f32>'}}
  %l = "nn.softmax_cross_entropy"(%logits, %labels) : (tensor<?x10xf32>, tensor<?xi64>) -> tensor<?xf32>
  return
}

// -----

// Tests that an unreduced cross-entropy has one loss per row.
func.func @sce_none_result_type(%logits: tensor<?x10xf32>, %labels: tensor<?xi64>) {
  // expected-error @+1 {{'nn.softmax_cross_entropy' op result #0 has type 'tensor<f32>' but the operands give 'tensor<?xf32>'}}
  %l = "nn.softmax_cross_entropy"(%logits, %labels) {reduction = "none"} : (tensor<?x10xf32>, tensor<?xi64>) -> tensor<f32>
  return
}

// -----

// Tests that BCE's target has the input's shape.
func.func @bce_target_shape(%p: tensor<4x1xf32>, %t: tensor<4xf32>) {
  // expected-error @+1 {{'nn.binary_cross_entropy' op operand 'target' 'tensor<4xf32>' must match 'input' 'tensor<4x1xf32>'}}
  %l = "nn.binary_cross_entropy"(%p, %t) : (tensor<4x1xf32>, tensor<4xf32>) -> tensor<f32>
  return
}

// -----

// Tests that MSE's target has the input's sizes.
func.func @mse_target_sizes(%y: tensor<?x3xf32>, %t: tensor<?x2xf32>) {
  // expected-error @+1 {{'nn.mse_loss' op operand 'target' 'tensor<?x2xf32>' must match 'input' 'tensor<?x3xf32>'}}
  %l = "nn.mse_loss"(%y, %t) : (tensor<?x3xf32>, tensor<?x2xf32>) -> tensor<f32>
  return
}

// -----

// Tests that MSE's target has the input's element type.
func.func @mse_target_dtype(%y: tensor<4xf32>, %t: tensor<4xf16>) {
  // expected-error @+1 {{'nn.mse_loss' op operand 'target' 'tensor<4xf16>' must match 'input' 'tensor<4xf32>'}}
  %l = "nn.mse_loss"(%y, %t) : (tensor<4xf32>, tensor<4xf16>) -> tensor<f32>
  return
}

// -----

// Tests that an unreduced BCE keeps the input's shape.
func.func @bce_none_result_type(%p: tensor<?x1xf32>, %t: tensor<?x1xf32>) {
  // expected-error @+1 {{'nn.binary_cross_entropy' op result #0 has type 'tensor<?xf32>' but the operands give 'tensor<?x1xf32>'}}
  %l = "nn.binary_cross_entropy"(%p, %t) {reduction = "none"} : (tensor<?x1xf32>, tensor<?x1xf32>) -> tensor<?xf32>
  return
}

// -----

// Tests that a summed MSE is a scalar.
func.func @mse_sum_result_type(%y: tensor<?x1xf32>, %t: tensor<?x1xf32>) {
  // expected-error @+1 {{'nn.mse_loss' op result #0 has type 'tensor<1xf32>' but the operands give 'tensor<f32>'}}
  %l = "nn.mse_loss"(%y, %t) {reduction = "sum"} : (tensor<?x1xf32>, tensor<?x1xf32>) -> tensor<1xf32>
  return
}
