// RUN: nnc-opt %s -split-input-file --mlir-print-op-generic | FileCheck %s

// Ops written in custom form get their result types from inference; the
// generic printer shows them.

// Tests that conv2d infers floor output sizes and keeps a dynamic batch.
// CHECK-LABEL: sym_name = "conv2d"
func.func @conv2d(%x: tensor<?x3x32x32xf32>, %w: tensor<16x3x3x3xf32>, %d: tensor<8x3x5x5xf32>) {
  // CHECK: "nn.conv2d"(%{{.*}}, %{{.*}}) {{.*}}: (tensor<?x3x32x32xf32>, tensor<16x3x3x3xf32>) -> tensor<?x16x16x16xf32>
  // CHECK: "nn.conv2d"(%{{.*}}, %{{.*}}) {{.*}}: (tensor<?x3x32x32xf32>, tensor<16x3x3x3xf32>) -> tensor<?x16x30x30xf32>
  // CHECK: "nn.conv2d"(%{{.*}}, %{{.*}}) {{.*}}: (tensor<?x3x32x32xf32>, tensor<8x3x5x5xf32>) -> tensor<?x8x9x27xf32>
  %0 = nn.conv2d %x, %w {strides = array<i64: 2, 2>, padding = array<i64: 1, 1, 1, 1>} : tensor<?x3x32x32xf32>, tensor<16x3x3x3xf32>
  %1 = nn.conv2d %x, %w : tensor<?x3x32x32xf32>, tensor<16x3x3x3xf32>
  %2 = nn.conv2d %x, %d {strides = array<i64: 3, 1>, padding = array<i64: 0, 3, 1, 0>, dilations = array<i64: 2, 2>} : tensor<?x3x32x32xf32>, tensor<8x3x5x5xf32>
  return
}

// -----

// Tests that grouped and depthwise convolutions infer F output channels.
// CHECK-LABEL: sym_name = "conv2d_groups"
func.func @conv2d_groups(%x: tensor<?x8x9x9xf32>, %g: tensor<4x2x3x3xf32>, %dw: tensor<8x1x3x3xf32>) {
  // CHECK: "nn.conv2d"(%{{.*}}, %{{.*}}) {{.*}}: (tensor<?x8x9x9xf32>, tensor<4x2x3x3xf32>) -> tensor<?x4x7x7xf32>
  // CHECK: "nn.conv2d"(%{{.*}}, %{{.*}}) {{.*}}: (tensor<?x8x9x9xf32>, tensor<8x1x3x3xf32>) -> tensor<?x8x5x5xf32>
  %0 = nn.conv2d %x, %g {groups = 4 : i64} : tensor<?x8x9x9xf32>, tensor<4x2x3x3xf32>
  %1 = nn.conv2d %x, %dw {groups = 8 : i64, strides = array<i64: 2, 2>, padding = array<i64: 1, 1, 1, 1>} : tensor<?x8x9x9xf32>, tensor<8x1x3x3xf32>
  return
}

// -----

// Tests that a dynamic spatial size stays dynamic through conv2d.
// CHECK-LABEL: sym_name = "conv2d_dynamic_spatial"
func.func @conv2d_dynamic_spatial(%x: tensor<1x3x?x32xf32>, %w: tensor<16x3x3x3xf32>) {
  // CHECK: "nn.conv2d"(%{{.*}}, %{{.*}}) {{.*}}: (tensor<1x3x?x32xf32>, tensor<16x3x3x3xf32>) -> tensor<1x16x?x30xf32>
  %0 = nn.conv2d %x, %w : tensor<1x3x?x32xf32>, tensor<16x3x3x3xf32>
  return
}

// -----

// Tests that a filter with dynamic F or C/groups still infers, with F dynamic.
// CHECK-LABEL: sym_name = "conv2d_dynamic_filter"
func.func @conv2d_dynamic_filter(%x: tensor<?x6x8x8xf32>, %f: tensor<?x2x3x3xf32>, %c: tensor<4x?x3x3xf32>) {
  // CHECK: "nn.conv2d"(%{{.*}}, %{{.*}}) {{.*}}: (tensor<?x6x8x8xf32>, tensor<?x2x3x3xf32>) -> tensor<?x?x6x6xf32>
  // CHECK: "nn.conv2d"(%{{.*}}, %{{.*}}) {{.*}}: (tensor<?x6x8x8xf32>, tensor<4x?x3x3xf32>) -> tensor<?x4x6x6xf32>
  %0 = nn.conv2d %x, %f {groups = 3 : i64} : tensor<?x6x8x8xf32>, tensor<?x2x3x3xf32>
  %1 = nn.conv2d %x, %c {groups = 2 : i64} : tensor<?x6x8x8xf32>, tensor<4x?x3x3xf32>
  return
}

// -----

// Tests that pooling infers sizes with strides defaulting to the kernel.
// CHECK-LABEL: sym_name = "pool"
func.func @pool(%x: tensor<?x6x29x29xf32>) {
  // CHECK: "nn.max_pool2d"(%{{.*}}) {{.*}}: (tensor<?x6x29x29xf32>) -> tensor<?x6x14x14xf32>
  // CHECK: "nn.avg_pool2d"(%{{.*}}) {{.*}}: (tensor<?x6x29x29xf32>) -> tensor<?x6x15x15xf32>
  // CHECK: "nn.lp_pool2d"(%{{.*}}) {{.*}}: (tensor<?x6x29x29xf32>) -> tensor<?x6x27x10xf32>
  %0 = nn.max_pool2d %x {kernel = array<i64: 2, 2>} : tensor<?x6x29x29xf32>
  %1 = nn.avg_pool2d %x {kernel = array<i64: 3, 3>, strides = array<i64: 2, 2>, padding = array<i64: 1, 1, 1, 1>, count_include_pad = true} : tensor<?x6x29x29xf32>
  %2 = nn.lp_pool2d %x {kernel = array<i64: 3, 2>, strides = array<i64: 1, 3>, p = 3.0 : f32} : tensor<?x6x29x29xf32>
  return
}

// -----

// Tests that matmul and linear infer [M, N] and [N, out] with a dynamic batch.
// CHECK-LABEL: sym_name = "matmul_linear"
func.func @matmul_linear(%x: tensor<?x784xf32>, %w: tensor<512x784xf32>, %a: tensor<?x8x16xf32>, %b: tensor<4x16x32xf32>) {
  // CHECK: "nn.matmul"(%{{.*}}, %{{.*}}) {{.*}}: (tensor<?x784xf32>, tensor<512x784xf32>) -> tensor<?x512xf32>
  // CHECK: "nn.matmul"(%{{.*}}, %{{.*}}) {{.*}}: (tensor<512x784xf32>, tensor<512x784xf32>) -> tensor<784x784xf32>
  // CHECK: "nn.matmul"(%{{.*}}, %{{.*}}) {{.*}}: (tensor<?x8x16xf32>, tensor<4x16x32xf32>) -> tensor<4x8x32xf32>
  // CHECK: "nn.linear"(%{{.*}}, %{{.*}}) {{.*}}: (tensor<?x784xf32>, tensor<512x784xf32>) -> tensor<?x512xf32>
  %0 = nn.matmul %x, %w {transpose_b = true} : tensor<?x784xf32>, tensor<512x784xf32>
  %1 = nn.matmul %w, %w {transpose_a = true} : tensor<512x784xf32>, tensor<512x784xf32>
  %2 = nn.matmul %a, %b : tensor<?x8x16xf32>, tensor<4x16x32xf32>
  %3 = nn.linear %x, %w : tensor<?x784xf32>, tensor<512x784xf32>
  return
}

// -----

// Tests that binary ops infer the NumPy broadcast shape.
// CHECK-LABEL: sym_name = "broadcasting"
func.func @broadcasting(%a: tensor<?x1x5xf32>, %b: tensor<4x1xf32>, %c: tensor<f32>, %d: tensor<?x3xf32>, %e: tensor<2x1xf32>) {
  // CHECK: "nn.add"(%{{.*}}, %{{.*}}) {{.*}}: (tensor<?x1x5xf32>, tensor<4x1xf32>) -> tensor<?x4x5xf32>
  // CHECK: "nn.mul"(%{{.*}}, %{{.*}}) {{.*}}: (tensor<f32>, tensor<?x1x5xf32>) -> tensor<?x1x5xf32>
  // CHECK: "nn.sub"(%{{.*}}, %{{.*}}) {{.*}}: (tensor<?x3xf32>, tensor<2x1xf32>) -> tensor<2x3xf32>
  %0 = nn.add %a, %b : tensor<?x1x5xf32>, tensor<4x1xf32>
  %1 = nn.mul %c, %a : tensor<f32>, tensor<?x1x5xf32>
  %2 = nn.sub %d, %e : tensor<?x3xf32>, tensor<2x1xf32>
  return
}

// -----

// Tests that batch_norm infers x's type and the statistics' types.
// CHECK-LABEL: sym_name = "batch_norm"
func.func @batch_norm(%x: tensor<?x16x8x8xf32>, %c: tensor<16xf32>, %v: tensor<?xf32>) {
  // CHECK: "nn.batch_norm"(%{{.*}}, %{{.*}}, %{{.*}}, %{{.*}}, %{{.*}}) {{.*}}: (tensor<?x16x8x8xf32>, tensor<16xf32>, tensor<16xf32>, tensor<16xf32>, tensor<?xf32>) -> (tensor<?x16x8x8xf32>, tensor<16xf32>, tensor<?xf32>)
  %y:3 = nn.batch_norm %x, %c, %c, %c, %v {training = true} : tensor<?x16x8x8xf32>, tensor<16xf32>, tensor<16xf32>, tensor<16xf32>, tensor<?xf32>
  return
}

// -----

// Tests that dropout, lrn, softmax, prelu and bias_add keep x's type.
// CHECK-LABEL: sym_name = "same_type"
func.func @same_type(%x: tensor<?x16x8x8xf32>, %s: tensor<i64>, %c: tensor<16xf32>) {
  // CHECK: "nn.dropout"(%{{.*}}, %{{.*}}) {{.*}}: (tensor<?x16x8x8xf32>, tensor<i64>) -> tensor<?x16x8x8xf32>
  // CHECK: "nn.lrn"(%{{.*}}) {{.*}}: (tensor<?x16x8x8xf32>) -> tensor<?x16x8x8xf32>
  // CHECK: "nn.softmax"(%{{.*}}) {{.*}}: (tensor<?x16x8x8xf32>) -> tensor<?x16x8x8xf32>
  // CHECK: "nn.log_softmax"(%{{.*}}) {{.*}}: (tensor<?x16x8x8xf32>) -> tensor<?x16x8x8xf32>
  // CHECK: "nn.prelu"(%{{.*}}, %{{.*}}) {{.*}}: (tensor<?x16x8x8xf32>, tensor<16xf32>) -> tensor<?x16x8x8xf32>
  // CHECK: "nn.bias_add"(%{{.*}}, %{{.*}}) {{.*}}: (tensor<?x16x8x8xf32>, tensor<16xf32>) -> tensor<?x16x8x8xf32>
  %0 = nn.dropout %x, %s {training = true} : tensor<?x16x8x8xf32>, tensor<i64>
  %1 = nn.lrn %x : tensor<?x16x8x8xf32>
  %2 = nn.softmax %x {axis = 1 : i64} : tensor<?x16x8x8xf32>
  %3 = nn.log_softmax %x : tensor<?x16x8x8xf32>
  %4 = nn.prelu %x, %c : tensor<?x16x8x8xf32>, tensor<16xf32>
  %5 = nn.bias_add %x, %c : tensor<?x16x8x8xf32>, tensor<16xf32>
  return
}

// -----

// Tests that reductions drop or keep the reduced axes, negative ones included.
// CHECK-LABEL: sym_name = "reduce"
func.func @reduce(%x: tensor<?x10x4xf32>) {
  // CHECK: "nn.reduce_sum"(%{{.*}}) {{.*}}: (tensor<?x10x4xf32>) -> tensor<?xf32>
  // CHECK: "nn.reduce_mean"(%{{.*}}) {{.*}}: (tensor<?x10x4xf32>) -> tensor<1x10x4xf32>
  // CHECK: "nn.reduce_max"(%{{.*}}) {{.*}}: (tensor<?x10x4xf32>) -> tensor<f32>
  // CHECK: "nn.reduce_max"(%{{.*}}) {{.*}}: (tensor<?x10x4xf32>) -> tensor<1x1x1xf32>
  %0 = nn.reduce_sum %x {axes = array<i64: -1, 1>} : tensor<?x10x4xf32>
  %1 = nn.reduce_mean %x {axes = array<i64: 0>, keep_dims = true} : tensor<?x10x4xf32>
  %2 = nn.reduce_max %x : tensor<?x10x4xf32>
  %3 = nn.reduce_max %x {keep_dims = true} : tensor<?x10x4xf32>
  return
}

// -----

// Tests that reshape with a dynamic batch is valid wherever the rest divides.
// CHECK-LABEL: sym_name = "reshape"
func.func @reshape(%x: tensor<?x16x5x5xf32>, %s: tensor<4x6xf32>) {
  // CHECK: "nn.reshape"(%{{.*}}) {{.*}}: (tensor<?x16x5x5xf32>) -> tensor<?x400xf32>
  // CHECK: "nn.reshape"(%{{.*}}) {{.*}}: (tensor<?x16x5x5xf32>) -> tensor<?x5x5xf32>
  // CHECK: "nn.reshape"(%{{.*}}) {{.*}}: (tensor<4x6xf32>) -> tensor<?x3xf32>
  %0 = nn.reshape %x : tensor<?x16x5x5xf32> -> tensor<?x400xf32>
  %1 = nn.reshape %x : tensor<?x16x5x5xf32> -> tensor<?x5x5xf32>
  %2 = nn.reshape %s : tensor<4x6xf32> -> tensor<?x3xf32>
  return
}

// -----

// Tests that transpose permutes a dynamic batch with the other sizes.
// CHECK-LABEL: sym_name = "transpose"
func.func @transpose(%x: tensor<?x3x32x16xf32>) {
  // CHECK: "nn.transpose"(%{{.*}}) {{.*}}: (tensor<?x3x32x16xf32>) -> tensor<16x?x32x3xf32>
  %0 = nn.transpose %x {permutation = array<i64: 3, 0, 2, 1>} : tensor<?x3x32x16xf32>
  return
}

// -----

// Tests that concat sums static sizes along the axis and is dynamic otherwise.
// CHECK-LABEL: sym_name = "concat"
func.func @concat(%a: tensor<?x16x8x8xf32>, %b: tensor<?x8x8x8xf32>, %c: tensor<2x16x8x8xf32>) {
  // CHECK: "nn.concat"(%{{.*}}, %{{.*}}) {{.*}}: (tensor<?x16x8x8xf32>, tensor<?x8x8x8xf32>) -> tensor<?x24x8x8xf32>
  // CHECK: "nn.concat"(%{{.*}}, %{{.*}}) {{.*}}: (tensor<?x16x8x8xf32>, tensor<2x16x8x8xf32>) -> tensor<?x16x8x8xf32>
  // CHECK: "nn.concat"(%{{.*}}, %{{.*}}, %{{.*}}) {{.*}}: (tensor<2x16x8x8xf32>, tensor<2x16x8x8xf32>, tensor<2x16x8x8xf32>) -> tensor<6x16x8x8xf32>
  %0 = nn.concat %a, %b {axis = 1 : i64} : tensor<?x16x8x8xf32>, tensor<?x8x8x8xf32>
  %1 = nn.concat %a, %c {axis = 0 : i64} : tensor<?x16x8x8xf32>, tensor<2x16x8x8xf32>
  %2 = nn.concat %c, %c, %c {axis = -4 : i64} : tensor<2x16x8x8xf32>, tensor<2x16x8x8xf32>, tensor<2x16x8x8xf32>
  return
}

// -----

// Tests that losses are scalars, or per-example with reduction "none".
// CHECK-LABEL: sym_name = "losses"
func.func @losses(%logits: tensor<?x10xf32>, %labels: tensor<?xi64>, %probs: tensor<?x10xf32>, %p: tensor<?x1xf32>) {
  // CHECK: "nn.softmax_cross_entropy"(%{{.*}}, %{{.*}}) {{.*}}: (tensor<?x10xf32>, tensor<?xi64>) -> tensor<f32>
  // CHECK: "nn.softmax_cross_entropy"(%{{.*}}, %{{.*}}) {{.*}}: (tensor<?x10xf32>, tensor<?xi64>) -> tensor<?xf32>
  // CHECK: "nn.softmax_cross_entropy"(%{{.*}}, %{{.*}}) {{.*}}: (tensor<?x10xf32>, tensor<?x10xf32>) -> tensor<?xf32>
  // CHECK: "nn.binary_cross_entropy"(%{{.*}}, %{{.*}}) {{.*}}: (tensor<?x1xf32>, tensor<?x1xf32>) -> tensor<?x1xf32>
  // CHECK: "nn.mse_loss"(%{{.*}}, %{{.*}}) {{.*}}: (tensor<?x10xf32>, tensor<?x10xf32>) -> tensor<?x10xf32>
  // CHECK: "nn.mse_loss"(%{{.*}}, %{{.*}}) {{.*}}: (tensor<?x1xf32>, tensor<?x1xf32>) -> tensor<f32>
  %0 = nn.softmax_cross_entropy %logits, %labels : tensor<?x10xf32>, tensor<?xi64>
  %1 = nn.softmax_cross_entropy %logits, %labels {reduction = "none"} : tensor<?x10xf32>, tensor<?xi64>
  %2 = nn.softmax_cross_entropy %logits, %probs {reduction = "none"} : tensor<?x10xf32>, tensor<?x10xf32>
  %3 = nn.binary_cross_entropy %p, %p {reduction = "none"} : tensor<?x1xf32>, tensor<?x1xf32>
  %4 = nn.mse_loss %logits, %probs {reduction = "none"} : tensor<?x10xf32>, tensor<?x10xf32>
  %5 = nn.mse_loss %p, %p {reduction = "sum"} : tensor<?x1xf32>, tensor<?x1xf32>
  return
}
