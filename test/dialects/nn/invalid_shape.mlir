// RUN: nnc-opt %s -split-input-file -verify-diagnostics

// Tests that reduction axes are within x's rank.
func.func @reduce_axis(%x: tensor<?x10xf32>) {
  // expected-error @+1 {{'nn.reduce_sum' op axis 2 is out of range for rank 2 (expected -2 <= axis < 2)}}
  %y = "nn.reduce_sum"(%x) {axes = array<i64: 2>} : (tensor<?x10xf32>) -> tensor<?x10xf32>
  return
}

// -----

// Tests that negative reduction axes are within x's rank.
func.func @reduce_negative_axis(%x: tensor<?x10xf32>) {
  // expected-error @+1 {{'nn.reduce_max' op axis -3 is out of range for rank 2 (expected -2 <= axis < 2)}}
  %y = "nn.reduce_max"(%x) {axes = array<i64: -3>} : (tensor<?x10xf32>) -> tensor<?xf32>
  return
}

// -----

// Tests that a reduction names each axis once, counting negative axes.
func.func @reduce_duplicate_axis(%x: tensor<?x10x4xf32>) {
  // expected-error @+1 {{'nn.reduce_mean' op 'axes' [1, -2] names axis 1 twice}}
  %y = "nn.reduce_mean"(%x) {axes = array<i64: 1, -2>} : (tensor<?x10x4xf32>) -> tensor<?x4xf32>
  return
}

// -----

// Tests that a reduction's declared result drops the reduced axes.
func.func @reduce_result_type(%x: tensor<?x10xf32>) {
  // expected-error @+1 {{'nn.reduce_sum' op result #0 has type 'tensor<?x1xf32>' but the operands give 'tensor<?xf32>'}}
  %y = "nn.reduce_sum"(%x) {axes = array<i64: 1>} : (tensor<?x10xf32>) -> tensor<?x1xf32>
  return
}

// -----

// Tests that keep_dims keeps the reduced axes as size 1.
func.func @reduce_keep_dims_result_type(%x: tensor<?x10xf32>) {
  // expected-error @+1 {{'nn.reduce_mean' op result #0 has type 'tensor<?xf32>' but the operands give 'tensor<?x1xf32>'}}
  %y = "nn.reduce_mean"(%x) {axes = array<i64: 1>, keep_dims = true} : (tensor<?x10xf32>) -> tensor<?xf32>
  return
}

// -----

// Tests that a reduction without axes reduces to a scalar.
func.func @reduce_all_result_type(%x: tensor<?x10xf32>) {
  // expected-error @+1 {{'nn.reduce_max' op result #0 has type 'tensor<1xf32>' but the operands give 'tensor<f32>'}}
  %y = "nn.reduce_max"(%x) : (tensor<?x10xf32>) -> tensor<1xf32>
  return
}

// -----

// Tests that reshape keeps the element type.
func.func @reshape_element_type(%x: tensor<4x4xf32>) {
  // expected-error @+1 {{'nn.reshape' op result element type 'f16' differs from the input's 'f32'}}
  %y = "nn.reshape"(%x) : (tensor<4x4xf32>) -> tensor<16xf16>
  return
}

// -----

// Tests that a reshape result is dynamic only in its batch dimension.
func.func @reshape_dynamic_inner(%x: tensor<?x16x5x5xf32>) {
  // expected-error @+1 {{'nn.reshape' op result [?, ?] may be dynamic only in its leading dimension}}
  %y = nn.reshape %x : tensor<?x16x5x5xf32> -> tensor<?x?xf32>
  return
}

// -----

// Tests that a static reshape keeps the element count.
func.func @reshape_count(%x: tensor<2x3x4xf32>) {
  // expected-error @+1 {{'nn.reshape' op cannot reshape [2, 3, 4] (24 elements) to [5, 5] (25 elements)}}
  %y = "nn.reshape"(%x) : (tensor<2x3x4xf32>) -> tensor<5x5xf32>
  return
}

// -----

// Tests that a reshape with a dynamic batch splits the rest evenly.
func.func @reshape_uneven_batch(%x: tensor<?x16x5x5xf32>) {
  // expected-error @+1 {{'nn.reshape' op cannot reshape [?, 16, 5, 5] to [?, 7]: the static sizes do not divide evenly}}
  %y = nn.reshape %x : tensor<?x16x5x5xf32> -> tensor<?x7xf32>
  return
}

// -----

// Tests that a static input reshaped to a dynamic batch splits evenly too.
func.func @reshape_static_to_uneven_batch(%x: tensor<2x8xf32>) {
  // expected-error @+1 {{'nn.reshape' op cannot reshape [2, 8] to [?, 3]: the static sizes do not divide evenly}}
  %y = nn.reshape %x : tensor<2x8xf32> -> tensor<?x3xf32>
  return
}

// -----

// Tests that a dynamic input cannot become static: its size is unknown.
func.func @reshape_dynamic_to_static(%x: tensor<?x400xf32>) {
  // expected-error @+1 {{'nn.reshape' op cannot reshape dynamic [?, 400] to static [4, 400]}}
  %y = nn.reshape %x : tensor<?x400xf32> -> tensor<4x400xf32>
  return
}

// -----

// Tests that broadcast_to keeps the element type.
func.func @broadcast_element_type(%x: tensor<10xf32>) {
  // expected-error @+1 {{'nn.broadcast_to' op result element type 'f16' differs from the input's 'f32'}}
  %y = "nn.broadcast_to"(%x) : (tensor<10xf32>) -> tensor<4x10xf16>
  return
}

// -----

// Tests that broadcast_to cannot drop dimensions.
func.func @broadcast_lower_rank(%x: tensor<4x10xf32>) {
  // expected-error @+1 {{'nn.broadcast_to' op cannot broadcast [4, 10] to the lower-rank [10]}}
  %y = nn.broadcast_to %x : tensor<4x10xf32> -> tensor<10xf32>
  return
}

// -----

// Tests that broadcast_to only stretches size-1 dimensions.
func.func @broadcast_incompatible(%x: tensor<3x10xf32>) {
  // expected-error @+1 {{'nn.broadcast_to' op cannot broadcast [3, 10] to [?, 4, 10]: dimension 0 has size 3}}
  %y = nn.broadcast_to %x : tensor<3x10xf32> -> tensor<?x4x10xf32>
  return
}

// -----

// Tests that the permutation has one entry per dimension.
func.func @transpose_length(%x: tensor<2x3x4xf32>) {
  // expected-error @+1 {{'nn.transpose' op 'permutation' [1, 0] has 2 elements but 'x' has rank 3}}
  %y = "nn.transpose"(%x) {permutation = array<i64: 1, 0>} : (tensor<2x3x4xf32>) -> tensor<3x2x4xf32>
  return
}

// -----

// Tests that the permutation names each dimension once.
func.func @transpose_duplicate(%x: tensor<2x3x4xf32>) {
  // expected-error @+1 {{'nn.transpose' op 'permutation' [0, 1, 1] is not a permutation of [0, 3)}}
  %y = "nn.transpose"(%x) {permutation = array<i64: 0, 1, 1>} : (tensor<2x3x4xf32>) -> tensor<2x3x3xf32>
  return
}

// -----

// Tests that the permutation stays within x's rank.
func.func @transpose_out_of_range(%x: tensor<2x3xf32>) {
  // expected-error @+1 {{'nn.transpose' op 'permutation' [2, 0] is not a permutation of [0, 2)}}
  %y = nn.transpose %x {permutation = array<i64: 2, 0>} : tensor<2x3xf32>
  return
}

// -----

// Tests that the permutation has no negative entries.
func.func @transpose_negative(%x: tensor<2x3xf32>) {
  // expected-error @+1 {{'nn.transpose' op 'permutation' [-1, 0] is not a permutation of [0, 2)}}
  %y = "nn.transpose"(%x) {permutation = array<i64: -1, 0>} : (tensor<2x3xf32>) -> tensor<3x2xf32>
  return
}

// -----

// Tests that transpose requires its permutation.
func.func @transpose_missing_permutation(%x: tensor<2x3xf32>) {
  // expected-error @+1 {{'nn.transpose' op requires attribute 'permutation'}}
  %y = nn.transpose %x : tensor<2x3xf32>
  return
}

// -----

// Tests that transpose's declared result is the permuted shape.
func.func @transpose_result_type(%x: tensor<?x10xf32>) {
  // expected-error @+1 {{'nn.transpose' op result #0 has type 'tensor<?x10xf32>' but the operands give 'tensor<10x?xf32>'}}
  %y = "nn.transpose"(%x) {permutation = array<i64: 1, 0>} : (tensor<?x10xf32>) -> tensor<?x10xf32>
  return
}

// -----

// Tests that concat needs an input.
func.func @concat_empty() {
  // expected-error @+1 {{'nn.concat' op expected 1 or more operands, but found 0}}
  %y = "nn.concat"() {axis = 0 : i64} : () -> tensor<0xf32>
  return
}

// -----

// Tests that concat requires its axis.
func.func @concat_missing_axis(%a: tensor<2x3xf32>) {
  // expected-error @+1 {{'nn.concat' op requires attribute 'axis'}}
  %y = nn.concat %a, %a : tensor<2x3xf32>, tensor<2x3xf32>
  return
}

// -----

// Tests that concat's axis is within the inputs' rank.
func.func @concat_axis(%a: tensor<2x3xf32>) {
  // expected-error @+1 {{'nn.concat' op axis 2 is out of range for rank 2 (expected -2 <= axis < 2)}}
  %y = "nn.concat"(%a, %a) {axis = 2 : i64} : (tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<2x6xf32>
  return
}

// -----

// Tests that concat's inputs share their rank.
func.func @concat_ranks(%a: tensor<2x3xf32>, %b: tensor<2x3x1xf32>) {
  // expected-error @+1 {{'nn.concat' op input #1 has rank 3 but input #0 has rank 2}}
  %y = "nn.concat"(%a, %b) {axis = 0 : i64} : (tensor<2x3xf32>, tensor<2x3x1xf32>) -> tensor<4x3xf32>
  return
}

// -----

// Tests that concat's inputs agree in every dimension but the axis.
func.func @concat_dims(%a: tensor<?x16x8x8xf32>, %b: tensor<?x8x8x4xf32>) {
  // expected-error @+1 {{'nn.concat' op input #1 [?, 8, 8, 4] differs from input #0 [?, 16, 8, 8] in dimension 3}}
  %y = "nn.concat"(%a, %b) {axis = 1 : i64} : (tensor<?x16x8x8xf32>, tensor<?x8x8x4xf32>) -> tensor<?x24x8x8xf32>
  return
}

// -----

// Tests that concat's inputs share their element type.
func.func @concat_element_types(%a: tensor<2x3xf32>, %b: tensor<2x3xf16>) {
  // expected-error @+1 {{'nn.concat' op requires the same element type for all operands}}
  %y = "nn.concat"(%a, %b) {axis = 0 : i64} : (tensor<2x3xf32>, tensor<2x3xf16>) -> tensor<4x3xf32>
  return
}

// -----

// Tests that the custom form of concat rejects unranked inputs instead of
// inferring a type from them.
func.func @concat_unranked_custom(%a: tensor<*xf32>) {
  // expected-error @+1 {{'nn.concat' op operand #0 must be a ranked tensor, got 'tensor<*xf32>'}}
  %y = nn.concat %a {axis = 0 : i64} : tensor<*xf32>
  return
}

// -----

// Tests that concat's declared result sums the sizes along the axis.
func.func @concat_result_type(%a: tensor<2x3xf32>, %b: tensor<5x3xf32>) {
  // expected-error @+1 {{'nn.concat' op result #0 has type 'tensor<5x3xf32>' but the operands give 'tensor<7x3xf32>'}}
  %y = "nn.concat"(%a, %b) {axis = -2 : i64} : (tensor<2x3xf32>, tensor<5x3xf32>) -> tensor<5x3xf32>
  return
}

// -----

// Tests that a declared result type must equal the inferred one: a static
// size where inference gives `?` would not survive the custom form.
func.func @transpose_refined_result(%x: tensor<?x4x5xf32>) -> tensor<4x5x8xf32> {
  // expected-error @+1 {{'nn.transpose' op result #0 has type 'tensor<4x5x8xf32>' but the operands give 'tensor<4x5x?xf32>'}}
  %0 = "nn.transpose"(%x) {permutation = array<i64: 1, 2, 0>} : (tensor<?x4x5xf32>) -> tensor<4x5x8xf32>
  return %0 : tensor<4x5x8xf32>
}
