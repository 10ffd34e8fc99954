// Tests that the symbolic gradients of matmul (2-D and batched, every
// transpose combination) and linear agree with central differences.

// RUN: nnc check-grad %s --function=matmul | FileCheck %s
// RUN: nnc check-grad %s --function=matmul_ta | FileCheck %s
// RUN: nnc check-grad %s --function=matmul_tb | FileCheck %s
// RUN: nnc check-grad %s --function=matmul_tt | FileCheck %s
// RUN: nnc check-grad %s --function=batched | FileCheck %s
// RUN: nnc check-grad %s --function=batched_ta | FileCheck %s
// RUN: nnc check-grad %s --function=batched_tb | FileCheck %s
// RUN: nnc check-grad %s --function=batched_tt | FileCheck %s
// RUN: nnc check-grad %s --function=linear --batch=5 | FileCheck %s
// CHECK: check-grad @{{.*}}: ok

func.func @matmul(%a: tensor<4x3xf32> {nn.param}, %b: tensor<3x5xf32> {nn.param}, %c: tensor<4x5xf32>) -> tensor<f32> {
  %y = nn.matmul %a, %b : tensor<4x3xf32>, tensor<3x5xf32>
  %p = nn.mul %y, %c : tensor<4x5xf32>, tensor<4x5xf32>
  %l = nn.reduce_sum %p : tensor<4x5xf32>
  return %l : tensor<f32>
}

func.func @matmul_ta(%a: tensor<3x4xf32> {nn.param}, %b: tensor<3x5xf32> {nn.param}, %c: tensor<4x5xf32>) -> tensor<f32> {
  %y = nn.matmul %a, %b {transpose_a = true} : tensor<3x4xf32>, tensor<3x5xf32>
  %p = nn.mul %y, %c : tensor<4x5xf32>, tensor<4x5xf32>
  %l = nn.reduce_sum %p : tensor<4x5xf32>
  return %l : tensor<f32>
}

func.func @matmul_tb(%a: tensor<4x3xf32> {nn.param}, %b: tensor<5x3xf32> {nn.param}, %c: tensor<4x5xf32>) -> tensor<f32> {
  %y = nn.matmul %a, %b {transpose_b = true} : tensor<4x3xf32>, tensor<5x3xf32>
  %p = nn.mul %y, %c : tensor<4x5xf32>, tensor<4x5xf32>
  %l = nn.reduce_sum %p : tensor<4x5xf32>
  return %l : tensor<f32>
}

func.func @matmul_tt(%a: tensor<3x4xf32> {nn.param}, %b: tensor<5x3xf32> {nn.param}, %c: tensor<4x5xf32>) -> tensor<f32> {
  %y = nn.matmul %a, %b {transpose_a = true, transpose_b = true} : tensor<3x4xf32>, tensor<5x3xf32>
  %p = nn.mul %y, %c : tensor<4x5xf32>, tensor<4x5xf32>
  %l = nn.reduce_sum %p : tensor<4x5xf32>
  return %l : tensor<f32>
}

func.func @batched(%a: tensor<2x4x3xf32> {nn.param}, %b: tensor<2x3x5xf32> {nn.param}, %c: tensor<2x4x5xf32>) -> tensor<f32> {
  %y = nn.matmul %a, %b : tensor<2x4x3xf32>, tensor<2x3x5xf32>
  %p = nn.mul %y, %c : tensor<2x4x5xf32>, tensor<2x4x5xf32>
  %l = nn.reduce_sum %p : tensor<2x4x5xf32>
  return %l : tensor<f32>
}

func.func @batched_ta(%a: tensor<2x3x4xf32> {nn.param}, %b: tensor<2x3x5xf32> {nn.param}, %c: tensor<2x4x5xf32>) -> tensor<f32> {
  %y = nn.matmul %a, %b {transpose_a = true} : tensor<2x3x4xf32>, tensor<2x3x5xf32>
  %p = nn.mul %y, %c : tensor<2x4x5xf32>, tensor<2x4x5xf32>
  %l = nn.reduce_sum %p : tensor<2x4x5xf32>
  return %l : tensor<f32>
}

func.func @batched_tb(%a: tensor<2x4x3xf32> {nn.param}, %b: tensor<2x5x3xf32> {nn.param}, %c: tensor<2x4x5xf32>) -> tensor<f32> {
  %y = nn.matmul %a, %b {transpose_b = true} : tensor<2x4x3xf32>, tensor<2x5x3xf32>
  %p = nn.mul %y, %c : tensor<2x4x5xf32>, tensor<2x4x5xf32>
  %l = nn.reduce_sum %p : tensor<2x4x5xf32>
  return %l : tensor<f32>
}

func.func @batched_tt(%a: tensor<2x3x4xf32> {nn.param}, %b: tensor<2x5x3xf32> {nn.param}, %c: tensor<2x4x5xf32>) -> tensor<f32> {
  %y = nn.matmul %a, %b {transpose_a = true, transpose_b = true} : tensor<2x3x4xf32>, tensor<2x5x3xf32>
  %p = nn.mul %y, %c : tensor<2x4x5xf32>, tensor<2x4x5xf32>
  %l = nn.reduce_sum %p : tensor<2x4x5xf32>
  return %l : tensor<f32>
}

// Two layers over a dynamic batch: the inner weight's gradient flows
// through the outer layer's input gradient.
func.func @linear(%x: tensor<?x6xf32>, %w1: tensor<4x6xf32> {nn.param}, %w2: tensor<3x4xf32> {nn.param}, %c: tensor<?x3xf32>) -> tensor<f32> {
  %h = nn.linear %x, %w1 : tensor<?x6xf32>, tensor<4x6xf32>
  %t = nn.tanh %h : tensor<?x4xf32>
  %y = nn.linear %t, %w2 : tensor<?x4xf32>, tensor<3x4xf32>
  %p = nn.mul %y, %c : tensor<?x3xf32>, tensor<?x3xf32>
  %l = nn.reduce_sum %p : tensor<?x3xf32>
  return %l : tensor<f32>
}
