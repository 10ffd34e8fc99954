// Tests that the symbolic gradients of reductions (axes, negative axes,
// keep_dims both ways, a dynamic batch reduced away) and of data movement
// agree with central differences.

// RUN: nnc check-grad %s --function=reduce_sum | FileCheck %s
// RUN: nnc check-grad %s --function=reduce_sum_keep --batch=3 | FileCheck %s
// RUN: nnc check-grad %s --function=reduce_mean | FileCheck %s
// RUN: nnc check-grad %s --function=reduce_mean_batch --batch=4 | FileCheck %s
// RUN: nnc check-grad %s --function=reduce_max | FileCheck %s
// RUN: nnc check-grad %s --function=reduce_max_keep --seed=5 | FileCheck %s
// RUN: nnc check-grad %s --function=reshape --batch=3 | FileCheck %s
// RUN: nnc check-grad %s --function=broadcast_to | FileCheck %s
// RUN: nnc check-grad %s --function=transpose | FileCheck %s
// RUN: nnc check-grad %s --function=concat | FileCheck %s
// RUN: nnc check-grad %s --function=slice --batch=2 | FileCheck %s
// RUN: nnc check-grad %s --function=expand_as --batch=3 | FileCheck %s
// CHECK: check-grad @{{.*}}: ok

func.func @reduce_sum(%x: tensor<2x3x4xf32> {nn.param}, %c: tensor<3xf32>) -> tensor<f32> {
  %y = nn.reduce_sum %x {axes = array<i64: 0, -1>} : tensor<2x3x4xf32>
  %p = nn.mul %y, %c : tensor<3xf32>, tensor<3xf32>
  %l = nn.reduce_sum %p : tensor<3xf32>
  return %l : tensor<f32>
}

func.func @reduce_sum_keep(%x: tensor<?x3xf32>, %w: tensor<2x3x4xf32> {nn.param}, %c: tensor<2x1x4xf32>) -> tensor<f32> {
  %y = nn.reduce_sum %w {axes = array<i64: 1>, keep_dims = true} : tensor<2x3x4xf32>
  %p = nn.mul %y, %c : tensor<2x1x4xf32>, tensor<2x1x4xf32>
  %l = nn.reduce_sum %p : tensor<2x1x4xf32>
  return %l : tensor<f32>
}

func.func @reduce_mean(%x: tensor<2x3x4xf32> {nn.param}, %c: tensor<2x1x1xf32>) -> tensor<f32> {
  %y = nn.reduce_mean %x {axes = array<i64: 1, 2>, keep_dims = true} : tensor<2x3x4xf32>
  %p = nn.mul %y, %c : tensor<2x1x1xf32>, tensor<2x1x1xf32>
  %l = nn.reduce_sum %p : tensor<2x1x1xf32>
  return %l : tensor<f32>
}

// The mean over a dynamic batch counts its elements at run time.
func.func @reduce_mean_batch(%x: tensor<?x3xf32>, %w: tensor<3xf32> {nn.param}) -> tensor<f32> {
  %h = nn.mul %x, %w : tensor<?x3xf32>, tensor<3xf32>
  %s = nn.mul %h, %h : tensor<?x3xf32>, tensor<?x3xf32>
  %m = nn.reduce_mean %s {axes = array<i64: 0>} : tensor<?x3xf32>
  %l = nn.reduce_mean %m : tensor<3xf32>
  return %l : tensor<f32>
}

func.func @reduce_max(%x: tensor<3x5xf32> {nn.param}, %c: tensor<5xf32>) -> tensor<f32> {
  %y = nn.reduce_max %x {axes = array<i64: 0>} : tensor<3x5xf32>
  %p = nn.mul %y, %c : tensor<5xf32>, tensor<5xf32>
  %l = nn.reduce_sum %p : tensor<5xf32>
  return %l : tensor<f32>
}

func.func @reduce_max_keep(%x: tensor<2x3x4xf32> {nn.param}, %c: tensor<2x1x1xf32>) -> tensor<f32> {
  %y = nn.reduce_max %x {axes = array<i64: -2, -1>, keep_dims = true} : tensor<2x3x4xf32>
  %p = nn.mul %y, %c : tensor<2x1x1xf32>, tensor<2x1x1xf32>
  %l = nn.reduce_sum %p : tensor<2x1x1xf32>
  return %l : tensor<f32>
}

// Reshapes of a dynamic batch both ways.
func.func @reshape(%x: tensor<?x2x3xf32>, %w: tensor<2x3xf32> {nn.param}, %v: tensor<6xf32> {nn.param}, %c: tensor<?x6xf32>) -> tensor<f32> {
  %h = nn.mul %x, %w : tensor<?x2x3xf32>, tensor<2x3xf32>
  %r = nn.reshape %h : tensor<?x2x3xf32> -> tensor<?x6xf32>
  %y = nn.mul %r, %v : tensor<?x6xf32>, tensor<6xf32>
  %p = nn.mul %y, %c : tensor<?x6xf32>, tensor<?x6xf32>
  %l = nn.reduce_sum %p : tensor<?x6xf32>
  return %l : tensor<f32>
}

func.func @broadcast_to(%b: tensor<3x1xf32> {nn.param}, %c: tensor<2x3x4xf32>) -> tensor<f32> {
  %y = nn.broadcast_to %b : tensor<3x1xf32> -> tensor<2x3x4xf32>
  %p = nn.mul %y, %c : tensor<2x3x4xf32>, tensor<2x3x4xf32>
  %l = nn.reduce_sum %p : tensor<2x3x4xf32>
  return %l : tensor<f32>
}

func.func @transpose(%x: tensor<2x3x4xf32> {nn.param}, %c: tensor<4x2x3xf32>) -> tensor<f32> {
  %y = nn.transpose %x {permutation = array<i64: 2, 0, 1>} : tensor<2x3x4xf32>
  %p = nn.mul %y, %c : tensor<4x2x3xf32>, tensor<4x2x3xf32>
  %l = nn.reduce_sum %p : tensor<4x2x3xf32>
  return %l : tensor<f32>
}

// Three inputs, one of them used twice.
func.func @concat(%a: tensor<2x3xf32> {nn.param}, %b: tensor<2x1xf32> {nn.param}, %c: tensor<2x7xf32>) -> tensor<f32> {
  %y = nn.concat %a, %b, %a {axis = 1 : i64} : tensor<2x3xf32>, tensor<2x1xf32>, tensor<2x3xf32>
  %p = nn.mul %y, %c : tensor<2x7xf32>, tensor<2x7xf32>
  %l = nn.reduce_sum %p : tensor<2x7xf32>
  return %l : tensor<f32>
}

// A middle slice of a dynamic batch: zeros on both sides of the cotangent.
func.func @slice(%x: tensor<?x6xf32>, %w: tensor<6xf32> {nn.param}, %c: tensor<?x3xf32>) -> tensor<f32> {
  %h = nn.mul %x, %w : tensor<?x6xf32>, tensor<6xf32>
  %y = nn.slice %h {axis = 1 : i64, start = 2 : i64, size = 3 : i64} : tensor<?x6xf32>
  %p = nn.mul %y, %c : tensor<?x3xf32>, tensor<?x3xf32>
  %l = nn.reduce_sum %p : tensor<?x3xf32>
  return %l : tensor<f32>
}

func.func @expand_as(%x: tensor<?x4xf32>, %w: tensor<1x4xf32> {nn.param}, %c: tensor<?x4xf32>) -> tensor<f32> {
  %y = nn.expand_as %w, %x : tensor<1x4xf32>, tensor<?x4xf32>
  %p = nn.mul %y, %c : tensor<?x4xf32>, tensor<?x4xf32>
  %l = nn.reduce_sum %p : tensor<?x4xf32>
  return %l : tensor<f32>
}
