// Tests that the symbolic gradients of batch_norm (training, through the
// batch statistics, and inference, with the running statistics as
// constants), dropout (training) and lrn (sizes 3 and 5, and an even size)
// agree with central differences.

// RUN: nnc check-grad %s --function=batch_norm_training | FileCheck %s
// RUN: nnc check-grad %s --function=batch_norm_training_2d | FileCheck %s
// RUN: nnc check-grad %s --function=batch_norm_inference | FileCheck %s
// RUN: nnc check-grad %s --function=batch_norm_conv --batch=3 | FileCheck %s
// RUN: nnc check-grad %s --function=dropout_training --seed=3 | FileCheck %s
// RUN: nnc check-grad %s --function=lrn3 | FileCheck %s
// RUN: nnc check-grad %s --function=lrn5 | FileCheck %s
// RUN: nnc check-grad %s --function=lrn4_rank3 | FileCheck %s
// CHECK: check-grad @{{.*}}: ok

// Batch statistics over N, H and W: x, gamma and beta all get gradients.
func.func @batch_norm_training(%x: tensor<3x4x3x2xf32> {nn.param}, %g: tensor<4xf32> {nn.param}, %b: tensor<4xf32> {nn.param}, %m: tensor<4xf32> {nn.state}, %v: tensor<4xf32> {nn.state}, %c: tensor<3x4x3x2xf32>) -> tensor<f32> {
  %y, %nm, %nv = nn.batch_norm %x, %g, %b, %m, %v {training = true, epsilon = 1.0e-3 : f32} : tensor<3x4x3x2xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4xf32>
  %p = nn.mul %y, %c : tensor<3x4x3x2xf32>, tensor<3x4x3x2xf32>
  %l = nn.reduce_sum %p : tensor<3x4x3x2xf32>
  return %l : tensor<f32>
}

// Batch norm of [N, C] features (BatchNorm1d).
func.func @batch_norm_training_2d(%x: tensor<5x3xf32> {nn.param}, %g: tensor<3xf32> {nn.param}, %b: tensor<3xf32> {nn.param}, %m: tensor<3xf32> {nn.state}, %v: tensor<3xf32> {nn.state}, %c: tensor<5x3xf32>) -> tensor<f32> {
  %y, %nm, %nv = nn.batch_norm %x, %g, %b, %m, %v {training = true} : tensor<5x3xf32>, tensor<3xf32>, tensor<3xf32>, tensor<3xf32>, tensor<3xf32>
  %t = nn.tanh %y : tensor<5x3xf32>
  %p = nn.mul %t, %c : tensor<5x3xf32>, tensor<5x3xf32>
  %l = nn.reduce_sum %p : tensor<5x3xf32>
  return %l : tensor<f32>
}

// Running statistics as params: mean and var get gradients too.
func.func @batch_norm_inference(%x: tensor<2x3x2x2xf32> {nn.param}, %g: tensor<3xf32> {nn.param}, %b: tensor<3xf32> {nn.param}, %m: tensor<3xf32> {nn.param}, %v: tensor<3xf32> {nn.param}, %c: tensor<2x3x2x2xf32>) -> tensor<f32> {
  %y, %nm, %nv = nn.batch_norm %x, %g, %b, %m, %v : tensor<2x3x2x2xf32>, tensor<3xf32>, tensor<3xf32>, tensor<3xf32>, tensor<3xf32>
  %p = nn.mul %y, %c : tensor<2x3x2x2xf32>, tensor<2x3x2x2xf32>
  %l = nn.reduce_sum %p : tensor<2x3x2x2xf32>
  return %l : tensor<f32>
}

// conv -> training batch norm -> relu over a dynamic batch, as in
// resnet_block: the statistics' gradient reaches the filter.
func.func @batch_norm_conv(%x: tensor<?x2x5x5xf32>, %w: tensor<3x2x3x3xf32> {nn.param}, %g: tensor<3xf32> {nn.param}, %b: tensor<3xf32> {nn.param}, %m: tensor<3xf32> {nn.state}, %v: tensor<3xf32> {nn.state}, %c: tensor<?x3x5x5xf32>) -> tensor<f32> {
  %h = nn.conv2d %x, %w {padding = array<i64: 1, 1, 1, 1>} : tensor<?x2x5x5xf32>, tensor<3x2x3x3xf32>
  %y, %nm, %nv = nn.batch_norm %h, %g, %b, %m, %v {training = true} : tensor<?x3x5x5xf32>, tensor<3xf32>, tensor<3xf32>, tensor<3xf32>, tensor<3xf32>
  %t = nn.tanh %y : tensor<?x3x5x5xf32>
  %p = nn.mul %t, %c : tensor<?x3x5x5xf32>, tensor<?x3x5x5xf32>
  %l = nn.reduce_sum %p : tensor<?x3x5x5xf32>
  return %l : tensor<f32>
}

// Half the elements dropped by the mask of the seed, the rest doubled.
func.func @dropout_training(%x: tensor<4x8xf32> {nn.param}, %seed: tensor<i64>, %c: tensor<4x8xf32>) -> tensor<f32> {
  %y = nn.dropout %x, %seed {rate = 0.5 : f32, training = true} : tensor<4x8xf32>, tensor<i64>
  %t = nn.tanh %y : tensor<4x8xf32>
  %p = nn.mul %t, %c : tensor<4x8xf32>, tensor<4x8xf32>
  %l = nn.reduce_sum %p : tensor<4x8xf32>
  return %l : tensor<f32>
}

// alpha large enough that the cross-channel term matters.
func.func @lrn3(%x: tensor<2x5x3x2xf32> {nn.param}, %c: tensor<2x5x3x2xf32>) -> tensor<f32> {
  %y = nn.lrn %x {size = 3 : i64, alpha = 1.0 : f32, beta = 0.75 : f32, bias = 1.0 : f32} : tensor<2x5x3x2xf32>
  %p = nn.mul %y, %c : tensor<2x5x3x2xf32>, tensor<2x5x3x2xf32>
  %l = nn.reduce_sum %p : tensor<2x5x3x2xf32>
  return %l : tensor<f32>
}

// AlexNet's size with a window wider than some channels' neighbourhoods.
func.func @lrn5(%x: tensor<2x7x2x2xf32> {nn.param}, %c: tensor<2x7x2x2xf32>) -> tensor<f32> {
  %y = nn.lrn %x {size = 5 : i64, alpha = 0.5 : f32, beta = 0.75 : f32, bias = 2.0 : f32} : tensor<2x7x2x2xf32>
  %p = nn.mul %y, %c : tensor<2x7x2x2xf32>, tensor<2x7x2x2xf32>
  %l = nn.reduce_sum %p : tensor<2x7x2x2xf32>
  return %l : tensor<f32>
}

// An even size (window [c − 2, c + 1]) on [N, C, L] input.
func.func @lrn4_rank3(%x: tensor<2x6x5xf32> {nn.param}, %c: tensor<2x6x5xf32>) -> tensor<f32> {
  %y = nn.lrn %x {size = 4 : i64, alpha = 0.8 : f32, beta = 0.6 : f32, bias = 1.0 : f32} : tensor<2x6x5xf32>
  %p = nn.mul %y, %c : tensor<2x6x5xf32>, tensor<2x6x5xf32>
  %l = nn.reduce_sum %p : tensor<2x6x5xf32>
  return %l : tensor<f32>
}
