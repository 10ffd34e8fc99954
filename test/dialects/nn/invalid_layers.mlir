// RUN: nnc-opt %s -split-input-file -verify-diagnostics

// Tests that matmul takes 2-D or 3-D operands.
func.func @matmul_lhs_rank(%a: tensor<8xf32>, %b: tensor<8x4xf32>) {
  // expected-error @+1 {{'nn.matmul' op operand 'lhs' must have rank 2 or 3, got rank 1 ([8])}}
  %c = "nn.matmul"(%a, %b) : (tensor<8xf32>, tensor<8x4xf32>) -> tensor<4xf32>
  return
}

// -----

// Tests that matmul checks the rank of rhs too.
func.func @matmul_rhs_rank(%a: tensor<2x8xf32>, %b: tensor<1x1x8x4xf32>) {
  // expected-error @+1 {{'nn.matmul' op operand 'rhs' must have rank 2 or 3, got rank 4 ([1, 1, 8, 4])}}
  %c = "nn.matmul"(%a, %b) : (tensor<2x8xf32>, tensor<1x1x8x4xf32>) -> tensor<2x4xf32>
  return
}

// -----

// Tests that matmul does not mix 2-D and batched operands.
func.func @matmul_mixed_ranks(%a: tensor<3x2x8xf32>, %b: tensor<8x4xf32>) {
  // expected-error @+1 {{'nn.matmul' op operands must both be 2-D or both 3-D, got [3, 2, 8] and [8, 4]}}
  %c = "nn.matmul"(%a, %b) : (tensor<3x2x8xf32>, tensor<8x4xf32>) -> tensor<3x2x4xf32>
  return
}

// -----

// Tests that the contraction sizes of matmul agree.
func.func @matmul_contraction(%a: tensor<?x784xf32>, %b: tensor<512x784xf32>) {
  // expected-error @+1 {{'nn.matmul' op contraction sizes differ: 'lhs' [?, 784] gives 784, 'rhs' [512, 784] gives 512}}
  %c = "nn.matmul"(%a, %b) : (tensor<?x784xf32>, tensor<512x784xf32>) -> tensor<?x784xf32>
  return
}

// -----

// Tests that transpose_a selects the contraction size of lhs.
func.func @matmul_transpose_a(%a: tensor<8x2xf32>, %b: tensor<2x4xf32>) {
  // expected-error @+1 {{'nn.matmul' op contraction sizes differ: 'lhs' [8, 2] gives 8, 'rhs' [2, 4] gives 2}}
  %c = "nn.matmul"(%a, %b) {transpose_a = true} : (tensor<8x2xf32>, tensor<2x4xf32>) -> tensor<2x4xf32>
  return
}

// -----

// Tests that batched matmul needs equal batch sizes.
func.func @matmul_batch(%a: tensor<3x2x8xf32>, %b: tensor<4x8x5xf32>) {
  // expected-error @+1 {{'nn.matmul' op batch sizes differ: 3 and 4}}
  %c = "nn.matmul"(%a, %b) : (tensor<3x2x8xf32>, tensor<4x8x5xf32>) -> tensor<3x2x5xf32>
  return
}

// -----

// Tests that matmul's declared result must match the product's shape.
func.func @matmul_result_type(%a: tensor<?x8xf32>, %b: tensor<4x8xf32>) {
  // expected-error @+1 {{'nn.matmul' op result #0 has type 'tensor<?x8xf32>' but the operands give 'tensor<?x4xf32>'}}
  %c = "nn.matmul"(%a, %b) {transpose_b = true} : (tensor<?x8xf32>, tensor<4x8xf32>) -> tensor<?x8xf32>
  return
}

// -----

// Tests that matmul's transpose flags are bool attributes.
func.func @matmul_flag_type(%a: tensor<2x8xf32>, %b: tensor<8x4xf32>) {
  // expected-error @+1 {{'nn.matmul' op attribute 'transpose_a' failed to satisfy constraint: bool attribute}}
  %c = "nn.matmul"(%a, %b) {transpose_a = 1 : i64} : (tensor<2x8xf32>, tensor<8x4xf32>) -> tensor<2x4xf32>
  return
}

// -----

// Tests that linear takes a batch of feature vectors.
func.func @linear_x_rank(%x: tensor<2x3x8xf32>, %w: tensor<4x8xf32>) {
  // expected-error @+1 {{'nn.linear' op operand 'x' must have rank 2, got rank 3 ([2, 3, 8])}}
  %y = "nn.linear"(%x, %w) : (tensor<2x3x8xf32>, tensor<4x8xf32>) -> tensor<2x4xf32>
  return
}

// -----

// Tests that linear's weight is a matrix.
func.func @linear_weight_rank(%x: tensor<2x8xf32>, %w: tensor<8xf32>) {
  // expected-error @+1 {{'nn.linear' op operand 'weight' must have rank 2, got rank 1 ([8])}}
  %y = "nn.linear"(%x, %w) : (tensor<2x8xf32>, tensor<8xf32>) -> tensor<2x8xf32>
  return
}

// -----

// Tests that linear's weight is [out, in], not [in, out].
func.func @linear_features(%x: tensor<?x784xf32>, %w: tensor<784x512xf32>) {
  // expected-error @+1 {{'nn.linear' op operand 'x' has 784 input features but 'weight' [784, 512] expects 512}}
  %y = "nn.linear"(%x, %w) : (tensor<?x784xf32>, tensor<784x512xf32>) -> tensor<?x784xf32>
  return
}

// -----

// Tests that linear's declared result is [N, out].
func.func @linear_result_type(%x: tensor<?x8xf32>, %w: tensor<4x8xf32>) {
  // expected-error @+1 {{'nn.linear' op result #0 has type 'tensor<?x8xf32>' but the operands give 'tensor<?x4xf32>'}}
  %y = "nn.linear"(%x, %w) : (tensor<?x8xf32>, tensor<4x8xf32>) -> tensor<?x8xf32>
  return
}

// -----

// Tests that conv2d takes NCHW input.
func.func @conv_x_rank(%x: tensor<3x32x32xf32>, %w: tensor<16x3x3x3xf32>) {
  // expected-error @+1 {{'nn.conv2d' op operand 'x' must have rank 4, got rank 3 ([3, 32, 32])}}
  %y = "nn.conv2d"(%x, %w) : (tensor<3x32x32xf32>, tensor<16x3x3x3xf32>) -> tensor<1x16x30x30xf32>
  return
}

// -----

// Tests that conv2d takes an FCHW filter.
func.func @conv_filter_rank(%x: tensor<1x3x32x32xf32>, %w: tensor<16x3x3xf32>) {
  // expected-error @+1 {{'nn.conv2d' op operand 'filter' must have rank 4, got rank 3 ([16, 3, 3])}}
  %y = "nn.conv2d"(%x, %w) : (tensor<1x3x32x32xf32>, tensor<16x3x3xf32>) -> tensor<1x16x30x30xf32>
  return
}

// -----

// Tests that conv2d has two strides.
func.func @conv_strides_count(%x: tensor<1x3x8x8xf32>, %w: tensor<4x3x3x3xf32>) {
  // expected-error @+1 {{'nn.conv2d' op 'strides' must have 2 elements, got 1}}
  %y = "nn.conv2d"(%x, %w) {strides = array<i64: 2>} : (tensor<1x3x8x8xf32>, tensor<4x3x3x3xf32>) -> tensor<1x4x3x3xf32>
  return
}

// -----

// Tests that conv2d strides are positive.
func.func @conv_strides_positive(%x: tensor<1x3x8x8xf32>, %w: tensor<4x3x3x3xf32>) {
  // expected-error @+1 {{'nn.conv2d' op 'strides' must be positive, got [1, 0]}}
  %y = "nn.conv2d"(%x, %w) {strides = array<i64: 1, 0>} : (tensor<1x3x8x8xf32>, tensor<4x3x3x3xf32>) -> tensor<1x4x6x6xf32>
  return
}

// -----

// Tests that conv2d padding lists top, left, bottom and right.
func.func @conv_padding_count(%x: tensor<1x3x8x8xf32>, %w: tensor<4x3x3x3xf32>) {
  // expected-error @+1 {{'nn.conv2d' op 'padding' must have 4 elements, got 2}}
  %y = "nn.conv2d"(%x, %w) {padding = array<i64: 1, 1>} : (tensor<1x3x8x8xf32>, tensor<4x3x3x3xf32>) -> tensor<1x4x8x8xf32>
  return
}

// -----

// Tests that conv2d padding is non-negative.
func.func @conv_padding_negative(%x: tensor<1x3x8x8xf32>, %w: tensor<4x3x3x3xf32>) {
  // expected-error @+1 {{'nn.conv2d' op 'padding' must be non-negative, got [1, -1, 1, 1]}}
  %y = "nn.conv2d"(%x, %w) {padding = array<i64: 1, -1, 1, 1>} : (tensor<1x3x8x8xf32>, tensor<4x3x3x3xf32>) -> tensor<1x4x8x8xf32>
  return
}

// -----

// Tests that conv2d has two dilations.
func.func @conv_dilations_count(%x: tensor<1x3x8x8xf32>, %w: tensor<4x3x3x3xf32>) {
  // expected-error @+1 {{'nn.conv2d' op 'dilations' must have 2 elements, got 3}}
  %y = "nn.conv2d"(%x, %w) {dilations = array<i64: 1, 1, 1>} : (tensor<1x3x8x8xf32>, tensor<4x3x3x3xf32>) -> tensor<1x4x6x6xf32>
  return
}

// -----

// Tests that conv2d dilations are positive.
func.func @conv_dilations_positive(%x: tensor<1x3x8x8xf32>, %w: tensor<4x3x3x3xf32>) {
  // expected-error @+1 {{'nn.conv2d' op 'dilations' must be positive, got [0, 1]}}
  %y = "nn.conv2d"(%x, %w) {dilations = array<i64: 0, 1>} : (tensor<1x3x8x8xf32>, tensor<4x3x3x3xf32>) -> tensor<1x4x6x6xf32>
  return
}

// -----

// Tests that conv2d groups are positive.
func.func @conv_groups_positive(%x: tensor<1x4x8x8xf32>, %w: tensor<4x4x3x3xf32>) {
  // expected-error @+1 {{'nn.conv2d' op 'groups' must be positive, got 0}}
  %y = "nn.conv2d"(%x, %w) {groups = 0 : i64} : (tensor<1x4x8x8xf32>, tensor<4x4x3x3xf32>) -> tensor<1x4x6x6xf32>
  return
}

// -----

// Tests that conv2d groups divide the input channels.
func.func @conv_groups_channels(%x: tensor<1x6x8x8xf32>, %w: tensor<4x2x3x3xf32>) {
  // expected-error @+1 {{'nn.conv2d' op 'groups' 4 does not divide the 6 input channels}}
  %y = "nn.conv2d"(%x, %w) {groups = 4 : i64} : (tensor<1x6x8x8xf32>, tensor<4x2x3x3xf32>) -> tensor<1x4x6x6xf32>
  return
}

// -----

// Tests that conv2d groups divide the filters.
func.func @conv_groups_filters(%x: tensor<1x6x8x8xf32>, %w: tensor<4x2x3x3xf32>) {
  // expected-error @+1 {{'nn.conv2d' op 'groups' 3 does not divide the 4 filters}}
  %y = "nn.conv2d"(%x, %w) {groups = 3 : i64} : (tensor<1x6x8x8xf32>, tensor<4x2x3x3xf32>) -> tensor<1x4x6x6xf32>
  return
}

// -----

// Tests that the filter's channels times groups give x's channels.
func.func @conv_filter_channels(%x: tensor<?x6x8x8xf32>, %w: tensor<4x6x3x3xf32>) {
  // expected-error @+1 {{'nn.conv2d' op operand 'filter' [4, 6, 3, 3] expects 12 input channels (6 per group x 2 groups) but 'x' has 6}}
  %y = "nn.conv2d"(%x, %w) {groups = 2 : i64} : (tensor<?x6x8x8xf32>, tensor<4x6x3x3xf32>) -> tensor<?x4x6x6xf32>
  return
}

// -----

// Tests that conv2d without groups checks the filter's channels.
func.func @conv_filter_channels_ungrouped(%x: tensor<1x3x8x8xf32>, %w: tensor<4x1x3x3xf32>) {
  // expected-error @+1 {{'nn.conv2d' op operand 'filter' [4, 1, 3, 3] expects 1 input channels (1 per group x 1 groups) but 'x' has 3}}
  %y = "nn.conv2d"(%x, %w) : (tensor<1x3x8x8xf32>, tensor<4x1x3x3xf32>) -> tensor<1x4x6x6xf32>
  return
}

// -----

// Tests that a dynamic filter count does not hide groups that do not divide
// the input channels.
func.func @conv_groups_dynamic_filters(%x: tensor<1x6x8x8xf32>, %w: tensor<?x2x3x3xf32>) {
  // expected-error @+1 {{'nn.conv2d' op 'groups' 4 does not divide the 6 input channels}}
  %y = nn.conv2d %x, %w {groups = 4 : i64} : tensor<1x6x8x8xf32>, tensor<?x2x3x3xf32>
  return
}

// -----

// Tests that conv2d's kernel sizes are static.
func.func @conv_dynamic_kernel(%x: tensor<1x3x8x8xf32>, %w: tensor<4x3x?x3xf32>) {
  // expected-error @+1 {{'nn.conv2d' op operand 'filter' must have static kernel sizes, got [4, 3, ?, 3]}}
  %y = "nn.conv2d"(%x, %w) : (tensor<1x3x8x8xf32>, tensor<4x3x?x3xf32>) -> tensor<1x4x6x6xf32>
  return
}

// -----

// Tests that the kernel must fit the padded height.
func.func @conv_kernel_too_tall(%x: tensor<1x3x4x8xf32>, %w: tensor<4x3x7x3xf32>) {
  // expected-error @+1 {{'nn.conv2d' op kernel extent 7 is larger than the padded height 6 (input 4 + padding 1 + 1)}}
  %y = "nn.conv2d"(%x, %w) {padding = array<i64: 1, 1, 1, 1>} : (tensor<1x3x4x8xf32>, tensor<4x3x7x3xf32>) -> tensor<1x4x1x8xf32>
  return
}

// -----

// Tests that dilation widens the kernel's extent.
func.func @conv_dilated_kernel_too_wide(%x: tensor<1x3x8x8xf32>, %w: tensor<4x3x3x3xf32>) {
  // expected-error @+1 {{'nn.conv2d' op kernel extent 9 is larger than the padded width 8 (input 8 + padding 0 + 0)}}
  %y = "nn.conv2d"(%x, %w) {dilations = array<i64: 1, 4>} : (tensor<1x3x8x8xf32>, tensor<4x3x3x3xf32>) -> tensor<1x4x6x1xf32>
  return
}

// -----

// Tests that conv2d's declared result must use the floor output size.
func.func @conv_result_type(%x: tensor<?x3x32x32xf32>, %w: tensor<16x3x3x3xf32>) {
  // expected-error @+1 {{'nn.conv2d' op result #0 has type 'tensor<?x16x17x17xf32>' but the operands give 'tensor<?x16x16x16xf32>'}}
  %y = "nn.conv2d"(%x, %w) {strides = array<i64: 2, 2>, padding = array<i64: 1, 1, 1, 1>} : (tensor<?x3x32x32xf32>, tensor<16x3x3x3xf32>) -> tensor<?x16x17x17xf32>
  return
}

// -----

// Tests that conv2d's list attributes are dense i64 arrays.
func.func @conv_strides_attr_type(%x: tensor<1x3x8x8xf32>, %w: tensor<4x3x3x3xf32>) {
  // expected-error @+1 {{'nn.conv2d' op attribute 'strides' failed to satisfy constraint: i64 dense array attribute}}
  %y = "nn.conv2d"(%x, %w) {strides = [1, 1]} : (tensor<1x3x8x8xf32>, tensor<4x3x3x3xf32>) -> tensor<1x4x6x6xf32>
  return
}

// -----

// Tests that conv2d's operands share their element type.
func.func @conv_element_types(%x: tensor<1x3x8x8xf32>, %w: tensor<4x3x3x3xf16>) {
  // expected-error @+1 {{'nn.conv2d' op requires the same element type for all operands}}
  %y = "nn.conv2d"(%x, %w) : (tensor<1x3x8x8xf32>, tensor<4x3x3x3xf16>) -> tensor<1x4x6x6xf32>
  return
}

// -----

// Tests that pooling takes NCHW input.
func.func @pool_x_rank(%x: tensor<6x28x28xf32>) {
  // expected-error @+1 {{'nn.max_pool2d' op operand 'x' must have rank 4, got rank 3 ([6, 28, 28])}}
  %y = "nn.max_pool2d"(%x) {kernel = array<i64: 2, 2>} : (tensor<6x28x28xf32>) -> tensor<6x14x14xf32>
  return
}

// -----

// Tests that pooling requires a kernel.
func.func @pool_kernel_missing(%x: tensor<1x6x28x28xf32>) {
  // expected-error @+1 {{'nn.max_pool2d' op requires attribute 'kernel'}}
  %y = "nn.max_pool2d"(%x) : (tensor<1x6x28x28xf32>) -> tensor<1x6x14x14xf32>
  return
}

// -----

// Tests that the custom form reports a missing kernel instead of inferring a
// type from it.
func.func @pool_kernel_missing_custom(%x: tensor<1x6x28x28xf32>) {
  // expected-error @+1 {{'nn.avg_pool2d' op requires attribute 'kernel'}}
  %y = nn.avg_pool2d %x : tensor<1x6x28x28xf32>
  return
}

// -----

// Tests that the custom form reports a mistyped kernel instead of inferring a
// type from it.
func.func @pool_kernel_attr_type_custom(%x: tensor<1x6x28x28xf32>) {
  // expected-error @+1 {{'nn.max_pool2d' op attribute 'kernel' failed to satisfy constraint: i64 dense array attribute}}
  %y = nn.max_pool2d %x {kernel = [2, 2]} : tensor<1x6x28x28xf32>
  return
}

// -----

// Tests that the pooling kernel has two sizes.
func.func @pool_kernel_count(%x: tensor<1x6x28x28xf32>) {
  // expected-error @+1 {{'nn.max_pool2d' op 'kernel' must have 2 elements, got 1}}
  %y = "nn.max_pool2d"(%x) {kernel = array<i64: 2>} : (tensor<1x6x28x28xf32>) -> tensor<1x6x14x14xf32>
  return
}

// -----

// Tests that the pooling kernel is positive.
func.func @pool_kernel_positive(%x: tensor<1x6x28x28xf32>) {
  // expected-error @+1 {{'nn.avg_pool2d' op 'kernel' must be positive, got [2, 0]}}
  %y = "nn.avg_pool2d"(%x) {kernel = array<i64: 2, 0>} : (tensor<1x6x28x28xf32>) -> tensor<1x6x14x14xf32>
  return
}

// -----

// Tests that pooling has two strides.
func.func @pool_strides_count(%x: tensor<1x6x28x28xf32>) {
  // expected-error @+1 {{'nn.lp_pool2d' op 'strides' must have 2 elements, got 4}}
  %y = "nn.lp_pool2d"(%x) {kernel = array<i64: 2, 2>, strides = array<i64: 1, 1, 1, 1>} : (tensor<1x6x28x28xf32>) -> tensor<1x6x27x27xf32>
  return
}

// -----

// Tests that pooling strides are positive.
func.func @pool_strides_positive(%x: tensor<1x6x28x28xf32>) {
  // expected-error @+1 {{'nn.max_pool2d' op 'strides' must be positive, got [-1, 1]}}
  %y = "nn.max_pool2d"(%x) {kernel = array<i64: 2, 2>, strides = array<i64: -1, 1>} : (tensor<1x6x28x28xf32>) -> tensor<1x6x27x27xf32>
  return
}

// -----

// Tests that pooling padding lists four sides.
func.func @pool_padding_count(%x: tensor<1x6x28x28xf32>) {
  // expected-error @+1 {{'nn.avg_pool2d' op 'padding' must have 4 elements, got 2}}
  %y = "nn.avg_pool2d"(%x) {kernel = array<i64: 2, 2>, padding = array<i64: 1, 1>} : (tensor<1x6x28x28xf32>) -> tensor<1x6x15x15xf32>
  return
}

// -----

// Tests that pooling padding is non-negative.
func.func @pool_padding_negative(%x: tensor<1x6x28x28xf32>) {
  // expected-error @+1 {{'nn.max_pool2d' op 'padding' must be non-negative, got [0, 0, -1, 0]}}
  %y = "nn.max_pool2d"(%x) {kernel = array<i64: 2, 2>, padding = array<i64: 0, 0, -1, 0>} : (tensor<1x6x28x28xf32>) -> tensor<1x6x14x14xf32>
  return
}

// -----

// Tests that pooling padding is at most half the kernel height.
func.func @pool_padding_over_half_height(%x: tensor<1x6x28x28xf32>) {
  // expected-error @+1 {{'nn.max_pool2d' op padding [0, 1, 2, 1] must be at most half the kernel [3, 3]}}
  %y = "nn.max_pool2d"(%x) {kernel = array<i64: 3, 3>, padding = array<i64: 0, 1, 2, 1>} : (tensor<1x6x28x28xf32>) -> tensor<1x6x10x10xf32>
  return
}

// -----

// Tests that left and right padding are bounded by the kernel width, not its
// height.
func.func @pool_padding_over_half_width(%x: tensor<1x6x28x28xf32>) {
  // expected-error @+1 {{'nn.avg_pool2d' op padding [0, 2, 0, 0] must be at most half the kernel [4, 2]}}
  %y = "nn.avg_pool2d"(%x) {kernel = array<i64: 4, 2>, padding = array<i64: 0, 2, 0, 0>} : (tensor<1x6x28x28xf32>) -> tensor<1x6x7x16xf32>
  return
}

// -----

// Tests that the pooling window must fit the padded input.
func.func @pool_kernel_too_large(%x: tensor<1x6x2x28xf32>) {
  // expected-error @+1 {{'nn.max_pool2d' op kernel extent 5 is larger than the padded height 4 (input 2 + padding 1 + 1)}}
  %y = "nn.max_pool2d"(%x) {kernel = array<i64: 5, 5>, padding = array<i64: 1, 1, 1, 1>} : (tensor<1x6x2x28xf32>) -> tensor<1x6x1x6xf32>
  return
}

// -----

// Tests that pooling's declared result uses floor and strides = kernel.
func.func @pool_result_type(%x: tensor<?x6x29x29xf32>) {
  // expected-error @+1 {{'nn.avg_pool2d' op result #0 has type 'tensor<?x6x15x15xf32>' but the operands give 'tensor<?x6x14x14xf32>'}}
  %y = "nn.avg_pool2d"(%x) {kernel = array<i64: 2, 2>} : (tensor<?x6x29x29xf32>) -> tensor<?x6x15x15xf32>
  return
}

// -----

// Tests that lp_pool2d's norm order is positive.
func.func @lp_pool_p(%x: tensor<1x6x28x28xf32>) {
  // expected-error @+1 {{'nn.lp_pool2d' op 'p' must be positive, got 0.000000e+00}}
  %y = "nn.lp_pool2d"(%x) {kernel = array<i64: 2, 2>, p = 0.0 : f32} : (tensor<1x6x28x28xf32>) -> tensor<1x6x14x14xf32>
  return
}

// -----

// Tests that avg_pool2d's count_include_pad is a bool attribute.
func.func @avg_pool_flag_type(%x: tensor<1x6x28x28xf32>) {
  // expected-error @+1 {{'nn.avg_pool2d' op attribute 'count_include_pad' failed to satisfy constraint: bool attribute}}
  %y = "nn.avg_pool2d"(%x) {kernel = array<i64: 2, 2>, count_include_pad = 1 : i64} : (tensor<1x6x28x28xf32>) -> tensor<1x6x14x14xf32>
  return
}
