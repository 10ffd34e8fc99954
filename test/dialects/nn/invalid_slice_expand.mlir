// RUN: nnc-opt %s -split-input-file -verify-diagnostics

// Tests that nn.slice stays inside the sliced axis.
func.func @slice_out_of_range(%x: tensor<?x24xf32>) {
  // expected-error @+1 {{'nn.slice' op range [20, 28) exceeds size 24 of axis 1}}
  %0 = "nn.slice"(%x) {axis = 1 : i64, start = 20 : i64, size = 8 : i64} : (tensor<?x24xf32>) -> tensor<?x8xf32>
  return
}

// -----

// Tests that nn.slice rejects a negative start or size.
func.func @slice_negative_start(%x: tensor<4xf32>) {
  // expected-error @+1 {{'nn.slice' op 'start' -1 and 'size' 2 must be non-negative}}
  %0 = "nn.slice"(%x) {axis = 0 : i64, start = -1 : i64, size = 2 : i64} : (tensor<4xf32>) -> tensor<2xf32>
  return
}

// -----

// Tests that nn.slice checks its axis against the rank.
func.func @slice_bad_axis(%x: tensor<4xf32>) {
  // expected-error @+1 {{'nn.slice' op axis 1 is out of range for rank 1 (expected -1 <= axis < 1)}}
  %0 = "nn.slice"(%x) {axis = 1 : i64, start = 0 : i64, size = 2 : i64} : (tensor<4xf32>) -> tensor<2xf32>
  return
}

// -----

// Tests that nn.slice's declared type must be the sliced one.
func.func @slice_result_type(%x: tensor<4x6xf32>) {
  // expected-error @+1 {{'nn.slice' op result #0 has type 'tensor<4x3xf32>' but the operands give 'tensor<4x2xf32>'}}
  %0 = "nn.slice"(%x) {axis = 1 : i64, start = 0 : i64, size = 2 : i64} : (tensor<4x6xf32>) -> tensor<4x3xf32>
  return
}

// -----

// Tests that nn.expand_as only stretches size-1 dimensions.
func.func @expand_as_incompatible(%g: tensor<3x10xf32>, %x: tensor<?x4x10xf32>) {
  // expected-error @+1 {{'nn.expand_as' op cannot broadcast 'x' [3, 10] to the shape of 'like' [?, 4, 10]}}
  %0 = "nn.expand_as"(%g, %x) : (tensor<3x10xf32>, tensor<?x4x10xf32>) -> tensor<?x4x10xf32>
  return
}

// -----

// Tests that nn.expand_as cannot drop dimensions.
func.func @expand_as_higher_rank(%g: tensor<2x3xf32>, %x: tensor<3xf32>) {
  // expected-error @+1 {{'nn.expand_as' op cannot broadcast 'x' [2, 3] to the shape of 'like' [3]}}
  %0 = "nn.expand_as"(%g, %x) : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<3xf32>
  return
}

// -----

// Tests that nn.expand_as's result keeps x's element type.
func.func @expand_as_result_type(%g: tensor<f32>, %labels: tensor<4xi64>) {
  // expected-error @+1 {{'nn.expand_as' op result #0 has type 'tensor<4xi64>' but the operands give 'tensor<4xf32>'}}
  %0 = "nn.expand_as"(%g, %labels) : (tensor<f32>, tensor<4xi64>) -> tensor<4xi64>
  return
}
