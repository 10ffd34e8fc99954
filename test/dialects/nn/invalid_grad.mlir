// RUN: nnc-opt %s -split-input-file -verify-diagnostics

// Tests that conv2d_grad_input takes an NCHW cotangent.
func.func @grad_input_dy_rank(%dy: tensor<4x6x6xf32>, %w: tensor<4x3x3x3xf32>) {
  // expected-error @+1 {{'nn.conv2d_grad_input' op operand 'dy' must have rank 4, got rank 3 ([4, 6, 6])}}
  %0 = "nn.conv2d_grad_input"(%dy, %w) {input_size = array<i64: 8, 8>} : (tensor<4x6x6xf32>, tensor<4x3x3x3xf32>) -> tensor<1x3x8x8xf32>
  return
}

// -----

// Tests that conv2d_grad_input takes an FCHW filter.
func.func @grad_input_filter_rank(%dy: tensor<1x4x6x6xf32>, %w: tensor<4x3x3xf32>) {
  // expected-error @+1 {{'nn.conv2d_grad_input' op operand 'filter' must have rank 4, got rank 3 ([4, 3, 3])}}
  %0 = "nn.conv2d_grad_input"(%dy, %w) {input_size = array<i64: 8, 8>} : (tensor<1x4x6x6xf32>, tensor<4x3x3xf32>) -> tensor<1x3x8x8xf32>
  return
}

// -----

// Tests that conv2d_grad_input's input_size is (H, W).
func.func @grad_input_size_count(%dy: tensor<1x4x6x6xf32>, %w: tensor<4x3x3x3xf32>) {
  // expected-error @+1 {{'nn.conv2d_grad_input' op 'input_size' must have 2 elements, got 1}}
  %0 = "nn.conv2d_grad_input"(%dy, %w) {input_size = array<i64: 8>} : (tensor<1x4x6x6xf32>, tensor<4x3x3x3xf32>) -> tensor<1x3x8x8xf32>
  return
}

// -----

// Tests that conv2d_grad_input's input_size is positive.
func.func @grad_input_size_positive(%dy: tensor<1x4x6x6xf32>, %w: tensor<4x3x3x3xf32>) {
  // expected-error @+1 {{'nn.conv2d_grad_input' op 'input_size' must be positive, got [0, 8]}}
  %0 = "nn.conv2d_grad_input"(%dy, %w) {input_size = array<i64: 0, 8>} : (tensor<1x4x6x6xf32>, tensor<4x3x3x3xf32>) -> tensor<1x3x8x8xf32>
  return
}

// -----

// Tests that conv2d_grad_input checks the forward op's strides.
func.func @grad_input_strides(%dy: tensor<1x4x6x6xf32>, %w: tensor<4x3x3x3xf32>) {
  // expected-error @+1 {{'nn.conv2d_grad_input' op 'strides' must be positive, got [1, 0]}}
  %0 = "nn.conv2d_grad_input"(%dy, %w) {input_size = array<i64: 8, 8>, strides = array<i64: 1, 0>} : (tensor<1x4x6x6xf32>, tensor<4x3x3x3xf32>) -> tensor<1x3x8x8xf32>
  return
}

// -----

// Tests that conv2d_grad_input needs the kernel size.
func.func @grad_input_dynamic_kernel(%dy: tensor<1x4x6x6xf32>, %w: tensor<4x3x?x3xf32>) {
  // expected-error @+1 {{'nn.conv2d_grad_input' op operand 'filter' must have static kernel sizes, got [4, 3, ?, 3]}}
  %0 = "nn.conv2d_grad_input"(%dy, %w) {input_size = array<i64: 8, 8>} : (tensor<1x4x6x6xf32>, tensor<4x3x?x3xf32>) -> tensor<1x3x8x8xf32>
  return
}

// -----

// Tests that conv2d_grad_input's groups are positive.
func.func @grad_input_groups_positive(%dy: tensor<1x4x6x6xf32>, %w: tensor<4x3x3x3xf32>) {
  // expected-error @+1 {{'nn.conv2d_grad_input' op 'groups' must be positive, got 0}}
  %0 = "nn.conv2d_grad_input"(%dy, %w) {input_size = array<i64: 8, 8>, groups = 0 : i64} : (tensor<1x4x6x6xf32>, tensor<4x3x3x3xf32>) -> tensor<1x3x8x8xf32>
  return
}

// -----

// Tests that conv2d_grad_input's groups divide the filters.
func.func @grad_input_groups_filters(%dy: tensor<1x4x6x6xf32>, %w: tensor<4x1x3x3xf32>) {
  // expected-error @+1 {{'nn.conv2d_grad_input' op 'groups' 3 does not divide the 4 filters}}
  %0 = "nn.conv2d_grad_input"(%dy, %w) {input_size = array<i64: 8, 8>, groups = 3 : i64} : (tensor<1x4x6x6xf32>, tensor<4x1x3x3xf32>) -> tensor<1x3x8x8xf32>
  return
}

// -----

// Tests that conv2d_grad_input's kernel fits the padded input.
func.func @grad_input_kernel_extent(%dy: tensor<1x4x1x1xf32>, %w: tensor<4x3x3x3xf32>) {
  // expected-error @+1 {{'nn.conv2d_grad_input' op kernel extent 5 is larger than the padded height 4 (input 4 + padding 0 + 0)}}
  %0 = "nn.conv2d_grad_input"(%dy, %w) {input_size = array<i64: 4, 8>, dilations = array<i64: 2, 1>} : (tensor<1x4x1x1xf32>, tensor<4x3x3x3xf32>) -> tensor<1x3x4x8xf32>
  return
}

// -----

// Tests that conv2d_grad_input's dy has the shape conv2d gives for
// input_size.
func.func @grad_input_dy_shape(%dy: tensor<1x4x5x5xf32>, %w: tensor<4x3x3x3xf32>) {
  // expected-error @+1 {{'nn.conv2d_grad_input' op operand 'dy' [1, 4, 5, 5] does not have the shape of the forward result [1, 4, 6, 6]}}
  %0 = "nn.conv2d_grad_input"(%dy, %w) {input_size = array<i64: 8, 8>} : (tensor<1x4x5x5xf32>, tensor<4x3x3x3xf32>) -> tensor<1x3x8x8xf32>
  return
}

// -----

// Tests that conv2d_grad_input's result is the forward input's type.
func.func @grad_input_result(%dy: tensor<?x4x6x6xf32>, %w: tensor<4x3x3x3xf32>) {
  // expected-error @+1 {{'nn.conv2d_grad_input' op result #0 has type 'tensor<1x3x8x8xf32>' but the operands give 'tensor<?x3x8x8xf32>'}}
  %0 = "nn.conv2d_grad_input"(%dy, %w) {input_size = array<i64: 8, 8>} : (tensor<?x4x6x6xf32>, tensor<4x3x3x3xf32>) -> tensor<1x3x8x8xf32>
  return
}

// -----

// Tests that conv2d_grad_input's operands share an element type.
func.func @grad_input_element_type(%dy: tensor<1x4x6x6xf64>, %w: tensor<4x3x3x3xf32>) {
  // expected-error @+1 {{'nn.conv2d_grad_input' op requires the same element type for all operands}}
  %0 = "nn.conv2d_grad_input"(%dy, %w) {input_size = array<i64: 8, 8>} : (tensor<1x4x6x6xf64>, tensor<4x3x3x3xf32>) -> tensor<1x3x8x8xf64>
  return
}

// -----

// Tests that conv2d_grad_filter takes NCHW input.
func.func @grad_filter_x_rank(%x: tensor<3x8x8xf32>, %dy: tensor<1x4x6x6xf32>) {
  // expected-error @+1 {{'nn.conv2d_grad_filter' op operand 'x' must have rank 4, got rank 3 ([3, 8, 8])}}
  %0 = "nn.conv2d_grad_filter"(%x, %dy) {kernel = array<i64: 3, 3>} : (tensor<3x8x8xf32>, tensor<1x4x6x6xf32>) -> tensor<4x3x3x3xf32>
  return
}

// -----

// Tests that conv2d_grad_filter takes an NCHW cotangent.
func.func @grad_filter_dy_rank(%x: tensor<1x3x8x8xf32>, %dy: tensor<4x6x6xf32>) {
  // expected-error @+1 {{'nn.conv2d_grad_filter' op operand 'dy' must have rank 4, got rank 3 ([4, 6, 6])}}
  %0 = "nn.conv2d_grad_filter"(%x, %dy) {kernel = array<i64: 3, 3>} : (tensor<1x3x8x8xf32>, tensor<4x6x6xf32>) -> tensor<4x3x3x3xf32>
  return
}

// -----

// Tests that conv2d_grad_filter's kernel is (KH, KW).
func.func @grad_filter_kernel(%x: tensor<1x3x8x8xf32>, %dy: tensor<1x4x6x6xf32>) {
  // expected-error @+1 {{'nn.conv2d_grad_filter' op 'kernel' must have 2 elements, got 3}}
  %0 = "nn.conv2d_grad_filter"(%x, %dy) {kernel = array<i64: 3, 3, 3>} : (tensor<1x3x8x8xf32>, tensor<1x4x6x6xf32>) -> tensor<4x3x3x3xf32>
  return
}

// -----

// Tests that conv2d_grad_filter checks the forward op's dilations.
func.func @grad_filter_dilations(%x: tensor<1x3x8x8xf32>, %dy: tensor<1x4x6x6xf32>) {
  // expected-error @+1 {{'nn.conv2d_grad_filter' op 'dilations' must be positive, got [0, 1]}}
  %0 = "nn.conv2d_grad_filter"(%x, %dy) {kernel = array<i64: 3, 3>, dilations = array<i64: 0, 1>} : (tensor<1x3x8x8xf32>, tensor<1x4x6x6xf32>) -> tensor<4x3x3x3xf32>
  return
}

// -----

// Tests that conv2d_grad_filter's groups divide the input channels.
func.func @grad_filter_groups_channels(%x: tensor<1x6x8x8xf32>, %dy: tensor<1x4x6x6xf32>) {
  // expected-error @+1 {{'nn.conv2d_grad_filter' op 'groups' 4 does not divide the 6 input channels}}
  %0 = "nn.conv2d_grad_filter"(%x, %dy) {kernel = array<i64: 3, 3>, groups = 4 : i64} : (tensor<1x6x8x8xf32>, tensor<1x4x6x6xf32>) -> tensor<4x1x3x3xf32>
  return
}

// -----

// Tests that conv2d_grad_filter's groups divide the filters, the channels
// of dy.
func.func @grad_filter_groups_filters(%x: tensor<1x6x8x8xf32>, %dy: tensor<1x5x6x6xf32>) {
  // expected-error @+1 {{'nn.conv2d_grad_filter' op 'groups' 2 does not divide the 5 filters}}
  %0 = "nn.conv2d_grad_filter"(%x, %dy) {kernel = array<i64: 3, 3>, groups = 2 : i64} : (tensor<1x6x8x8xf32>, tensor<1x5x6x6xf32>) -> tensor<5x3x3x3xf32>
  return
}

// -----

// Tests that conv2d_grad_filter's dy has the forward result's batch and
// spatial sizes.
func.func @grad_filter_dy_shape(%x: tensor<2x3x8x8xf32>, %dy: tensor<3x4x6x6xf32>) {
  // expected-error @+1 {{'nn.conv2d_grad_filter' op operand 'dy' [3, 4, 6, 6] does not have the shape of the forward result [2, 4, 6, 6]}}
  %0 = "nn.conv2d_grad_filter"(%x, %dy) {kernel = array<i64: 3, 3>} : (tensor<2x3x8x8xf32>, tensor<3x4x6x6xf32>) -> tensor<4x3x3x3xf32>
  return
}

// -----

// Tests that max_pool2d_grad takes NCHW input.
func.func @max_grad_x_rank(%x: tensor<3x8x8xf32>, %dy: tensor<1x3x4x4xf32>) {
  // expected-error @+1 {{'nn.max_pool2d_grad' op operand 'x' must have rank 4, got rank 3 ([3, 8, 8])}}
  %0 = "nn.max_pool2d_grad"(%x, %dy) {kernel = array<i64: 2, 2>} : (tensor<3x8x8xf32>, tensor<1x3x4x4xf32>) -> tensor<3x8x8xf32>
  return
}

// -----

// Tests that max_pool2d_grad takes an NCHW cotangent.
func.func @max_grad_dy_rank(%x: tensor<1x3x8x8xf32>, %dy: tensor<3x4x4xf32>) {
  // expected-error @+1 {{'nn.max_pool2d_grad' op operand 'dy' must have rank 4, got rank 3 ([3, 4, 4])}}
  %0 = "nn.max_pool2d_grad"(%x, %dy) {kernel = array<i64: 2, 2>} : (tensor<1x3x8x8xf32>, tensor<3x4x4xf32>) -> tensor<1x3x8x8xf32>
  return
}

// -----

// Tests that max_pool2d_grad needs the input's height and width.
func.func @max_grad_dynamic_spatial(%x: tensor<?x3x?x8xf32>, %dy: tensor<?x3x?x4xf32>) {
  // expected-error @+1 {{'nn.max_pool2d_grad' op operand 'x' must have static spatial sizes, got [?, 3, ?, 8]}}
  %0 = "nn.max_pool2d_grad"(%x, %dy) {kernel = array<i64: 2, 2>} : (tensor<?x3x?x8xf32>, tensor<?x3x?x4xf32>) -> tensor<?x3x?x8xf32>
  return
}

// -----

// Tests that max_pool2d_grad's kernel is positive.
func.func @max_grad_kernel(%x: tensor<1x3x8x8xf32>, %dy: tensor<1x3x4x4xf32>) {
  // expected-error @+1 {{'nn.max_pool2d_grad' op 'kernel' must be positive, got [2, 0]}}
  %0 = "nn.max_pool2d_grad"(%x, %dy) {kernel = array<i64: 2, 0>} : (tensor<1x3x8x8xf32>, tensor<1x3x4x4xf32>) -> tensor<1x3x8x8xf32>
  return
}

// -----

// Tests that max_pool2d_grad follows the pooling padding rule.
func.func @max_grad_padding(%x: tensor<1x3x8x8xf32>, %dy: tensor<1x3x5x4xf32>) {
  // expected-error @+1 {{'nn.max_pool2d_grad' op padding [2, 0, 0, 0] must be at most half the kernel [2, 2]}}
  %0 = "nn.max_pool2d_grad"(%x, %dy) {kernel = array<i64: 2, 2>, padding = array<i64: 2, 0, 0, 0>} : (tensor<1x3x8x8xf32>, tensor<1x3x5x4xf32>) -> tensor<1x3x8x8xf32>
  return
}

// -----

// Tests that max_pool2d_grad's dy has the pooled shape of x.
func.func @max_grad_dy_shape(%x: tensor<1x3x8x8xf32>, %dy: tensor<1x3x4x3xf32>) {
  // expected-error @+1 {{'nn.max_pool2d_grad' op operand 'dy' [1, 3, 4, 3] does not have the shape of the forward result [1, 3, 4, 4]}}
  %0 = "nn.max_pool2d_grad"(%x, %dy) {kernel = array<i64: 2, 2>} : (tensor<1x3x8x8xf32>, tensor<1x3x4x3xf32>) -> tensor<1x3x8x8xf32>
  return
}

// -----

// Tests that avg_pool2d_grad takes an NCHW cotangent.
func.func @avg_grad_dy_rank(%dy: tensor<3x4x4xf32>) {
  // expected-error @+1 {{'nn.avg_pool2d_grad' op operand 'dy' must have rank 4, got rank 3 ([3, 4, 4])}}
  %0 = "nn.avg_pool2d_grad"(%dy) {input_size = array<i64: 8, 8>, kernel = array<i64: 2, 2>} : (tensor<3x4x4xf32>) -> tensor<1x3x8x8xf32>
  return
}

// -----

// Tests that avg_pool2d_grad's input_size is (H, W).
func.func @avg_grad_input_size(%dy: tensor<1x3x4x4xf32>) {
  // expected-error @+1 {{'nn.avg_pool2d_grad' op 'input_size' must have 2 elements, got 3}}
  %0 = "nn.avg_pool2d_grad"(%dy) {input_size = array<i64: 8, 8, 8>, kernel = array<i64: 2, 2>} : (tensor<1x3x4x4xf32>) -> tensor<1x3x8x8xf32>
  return
}

// -----

// Tests that avg_pool2d_grad has two strides.
func.func @avg_grad_strides(%dy: tensor<1x3x4x4xf32>) {
  // expected-error @+1 {{'nn.avg_pool2d_grad' op 'strides' must have 2 elements, got 1}}
  %0 = "nn.avg_pool2d_grad"(%dy) {input_size = array<i64: 8, 8>, kernel = array<i64: 2, 2>, strides = array<i64: 2>} : (tensor<1x3x4x4xf32>) -> tensor<1x3x8x8xf32>
  return
}

// -----

// Tests that avg_pool2d_grad's dy has the shape pooling gives for
// input_size.
func.func @avg_grad_dy_shape(%dy: tensor<1x3x4x4xf32>) {
  // expected-error @+1 {{'nn.avg_pool2d_grad' op operand 'dy' [1, 3, 4, 4] does not have the shape of the forward result [1, 3, 3, 3]}}
  %0 = "nn.avg_pool2d_grad"(%dy) {input_size = array<i64: 7, 7>, kernel = array<i64: 2, 2>} : (tensor<1x3x4x4xf32>) -> tensor<1x3x7x7xf32>
  return
}
