// Tests that the symbolic gradient of every elementwise op agrees with
// central differences (nnc check-grad) on non-trivial shapes: a dynamic
// batch, NumPy broadcasting in both directions, rank-0 operands. Each loss
// weights the op's result by an input c so the cotangent is not uniform.

// RUN: nnc check-grad %s --function=relu --batch=3 | FileCheck %s
// RUN: nnc check-grad %s --function=unary | FileCheck %s
// RUN: nnc check-grad %s --function=positive | FileCheck %s
// RUN: nnc check-grad %s --function=leaky_relu_abs --seed=7 | FileCheck %s
// RUN: nnc check-grad %s --function=prelu | FileCheck %s
// RUN: nnc check-grad %s --function=prelu_shared --batch=2 | FileCheck %s
// RUN: nnc check-grad %s --function=add_sub | FileCheck %s
// RUN: nnc check-grad %s --function=mul_div | FileCheck %s
// RUN: nnc check-grad %s --function=max_min --seed=3 | FileCheck %s
// RUN: nnc check-grad %s --function=pow | FileCheck %s
// RUN: nnc check-grad %s --function=bias_add --batch=4 | FileCheck %s
// RUN: nnc check-grad %s --function=select | FileCheck %s
// CHECK: check-grad @{{.*}}: ok

func.func @relu(%x: tensor<?x5xf32>, %w: tensor<5xf32> {nn.param}, %c: tensor<?x5xf32>) -> tensor<f32> {
  %a = nn.mul %x, %w : tensor<?x5xf32>, tensor<5xf32>
  %y = nn.relu %a : tensor<?x5xf32>
  %p = nn.mul %y, %c : tensor<?x5xf32>, tensor<?x5xf32>
  %l = nn.reduce_sum %p : tensor<?x5xf32>
  return %l : tensor<f32>
}

// sigmoid, tanh, exp and neg, chained, each weighted.
func.func @unary(%w: tensor<3x4xf32> {nn.param}, %c: tensor<3x4xf32>) -> tensor<f32> {
  %s = nn.sigmoid %w : tensor<3x4xf32>
  %t = nn.tanh %w : tensor<3x4xf32>
  %e = nn.exp %w : tensor<3x4xf32>
  %n = nn.neg %e : tensor<3x4xf32>
  %a = nn.mul %s, %c : tensor<3x4xf32>, tensor<3x4xf32>
  %b = nn.mul %t, %n : tensor<3x4xf32>, tensor<3x4xf32>
  %y = nn.add %a, %b : tensor<3x4xf32>, tensor<3x4xf32>
  %l = nn.reduce_sum %y : tensor<3x4xf32>
  return %l : tensor<f32>
}

// log, sqrt and rsqrt of a positive param.
func.func @positive(%w: tensor<2x3xf32> {nn.param}, %c: tensor<2x3xf32>) -> tensor<f32> {
  %lg = nn.log %w : tensor<2x3xf32>
  %sq = nn.sqrt %w : tensor<2x3xf32>
  %rs = nn.rsqrt %w : tensor<2x3xf32>
  %a = nn.mul %lg, %c : tensor<2x3xf32>, tensor<2x3xf32>
  %b = nn.mul %sq, %rs : tensor<2x3xf32>, tensor<2x3xf32>
  %d = nn.mul %rs, %c : tensor<2x3xf32>, tensor<2x3xf32>
  %y0 = nn.add %a, %b : tensor<2x3xf32>, tensor<2x3xf32>
  %y = nn.add %y0, %d : tensor<2x3xf32>, tensor<2x3xf32>
  %l = nn.reduce_sum %y : tensor<2x3xf32>
  return %l : tensor<f32>
}

func.func @leaky_relu_abs(%w: tensor<4x5xf32> {nn.param}, %c: tensor<4x5xf32>) -> tensor<f32> {
  %a = nn.leaky_relu %w {alpha = 0.2 : f32} : tensor<4x5xf32>
  %b = nn.abs %w : tensor<4x5xf32>
  %p = nn.mul %a, %c : tensor<4x5xf32>, tensor<4x5xf32>
  %y = nn.add %p, %b : tensor<4x5xf32>, tensor<4x5xf32>
  %l = nn.reduce_sum %y : tensor<4x5xf32>
  return %l : tensor<f32>
}

func.func @prelu(%x: tensor<2x3x4x2xf32> {nn.param}, %s: tensor<3xf32> {nn.param}, %c: tensor<2x3x4x2xf32>) -> tensor<f32> {
  %y = nn.prelu %x, %s : tensor<2x3x4x2xf32>, tensor<3xf32>
  %p = nn.mul %y, %c : tensor<2x3x4x2xf32>, tensor<2x3x4x2xf32>
  %l = nn.reduce_sum %p : tensor<2x3x4x2xf32>
  return %l : tensor<f32>
}

// One slope shared by every channel, over a dynamic batch.
func.func @prelu_shared(%x: tensor<?x3xf32>, %w: tensor<3xf32> {nn.param}, %s: tensor<1xf32> {nn.param}, %c: tensor<?x3xf32>) -> tensor<f32> {
  %h = nn.mul %x, %w : tensor<?x3xf32>, tensor<3xf32>
  %y = nn.prelu %h, %s : tensor<?x3xf32>, tensor<1xf32>
  %p = nn.mul %y, %c : tensor<?x3xf32>, tensor<?x3xf32>
  %l = nn.reduce_sum %p : tensor<?x3xf32>
  return %l : tensor<f32>
}

// b [3, 1] broadcasts against a [2, 3, 4] (a leading and a stretched axis);
// s is rank 0.
func.func @add_sub(%a: tensor<2x3x4xf32> {nn.param}, %b: tensor<3x1xf32> {nn.param}, %s: tensor<f32> {nn.param}, %c: tensor<2x3x4xf32>) -> tensor<f32> {
  %y = nn.add %a, %b : tensor<2x3x4xf32>, tensor<3x1xf32>
  %z = nn.sub %s, %y : tensor<f32>, tensor<2x3x4xf32>
  %p = nn.mul %z, %c : tensor<2x3x4xf32>, tensor<2x3x4xf32>
  %l = nn.reduce_sum %p : tensor<2x3x4xf32>
  return %l : tensor<f32>
}

// Both operands broadcast: [4, 1] · [3] → [4, 3]; the divisor is exp(b) so
// it stays away from 0.
func.func @mul_div(%a: tensor<4x1xf32> {nn.param}, %b: tensor<3xf32> {nn.param}, %c: tensor<4x3xf32>) -> tensor<f32> {
  %m = nn.mul %a, %b : tensor<4x1xf32>, tensor<3xf32>
  %e = nn.exp %b : tensor<3xf32>
  %d = nn.div %a, %e : tensor<4x1xf32>, tensor<3xf32>
  %y = nn.add %m, %d : tensor<4x3xf32>, tensor<4x3xf32>
  %p = nn.mul %y, %c : tensor<4x3xf32>, tensor<4x3xf32>
  %l = nn.reduce_sum %p : tensor<4x3xf32>
  return %l : tensor<f32>
}

func.func @max_min(%a: tensor<4x3xf32> {nn.param}, %b: tensor<3xf32> {nn.param}, %c: tensor<4x3xf32>) -> tensor<f32> {
  %mx = nn.maximum %a, %b : tensor<4x3xf32>, tensor<3xf32>
  %mn = nn.minimum %b, %a : tensor<3xf32>, tensor<4x3xf32>
  %p = nn.mul %mx, %c : tensor<4x3xf32>, tensor<4x3xf32>
  %y = nn.add %p, %mn : tensor<4x3xf32>, tensor<4x3xf32>
  %l = nn.reduce_sum %y : tensor<4x3xf32>
  return %l : tensor<f32>
}

// A positive base [2, 3] to a broadcast exponent [3].
func.func @pow(%a: tensor<2x3xf32> {nn.param}, %b: tensor<3xf32> {nn.param}, %c: tensor<2x3xf32>) -> tensor<f32> {
  %y = nn.pow %a, %b : tensor<2x3xf32>, tensor<3xf32>
  %p = nn.mul %y, %c : tensor<2x3xf32>, tensor<2x3xf32>
  %l = nn.reduce_sum %p : tensor<2x3xf32>
  return %l : tensor<f32>
}

// bias_add along axis 1 (default) and along the last axis.
func.func @bias_add(%x: tensor<?x3x5xf32>, %w: tensor<5xf32> {nn.param}, %b: tensor<3xf32> {nn.param}, %d: tensor<5xf32> {nn.param}, %c: tensor<?x3x5xf32>) -> tensor<f32> {
  %h = nn.mul %x, %w : tensor<?x3x5xf32>, tensor<5xf32>
  %y = nn.bias_add %h, %b : tensor<?x3x5xf32>, tensor<3xf32>
  %z = nn.bias_add %y, %d {axis = -1 : i64} : tensor<?x3x5xf32>, tensor<5xf32>
  %p = nn.mul %z, %c : tensor<?x3x5xf32>, tensor<?x3x5xf32>
  %l = nn.reduce_sum %p : tensor<?x3x5xf32>
  return %l : tensor<f32>
}

// select with a mask from an input, broadcasting b [4].
func.func @select(%x: tensor<3x4xf32>, %a: tensor<3x4xf32> {nn.param}, %b: tensor<4xf32> {nn.param}, %c: tensor<3x4xf32>) -> tensor<f32> {
  %zero = arith.constant dense<0.0> : tensor<f32>
  %mask = nn.compare %x, %zero {predicate = "gt"} : tensor<3x4xf32>, tensor<f32>
  %y = nn.select %mask, %a, %b : tensor<3x4xi1>, tensor<3x4xf32>, tensor<4xf32>
  %p = nn.mul %y, %c : tensor<3x4xf32>, tensor<3x4xf32>
  %l = nn.reduce_sum %p : tensor<3x4xf32>
  return %l : tensor<f32>
}
