// RUN: nnc-opt %s -split-input-file | nnc-opt -split-input-file | FileCheck %s

// Tests that every unary activation round-trips in custom form.
// CHECK-LABEL: func.func @unary(
// CHECK-SAME: %[[X:.*]]: tensor<?x128xf32>
func.func @unary(%x: tensor<?x128xf32>) -> tensor<?x128xf32> {
  // CHECK: %[[RELU:.*]] = nn.relu %[[X]] : tensor<?x128xf32>
  // CHECK: %[[SIGMOID:.*]] = nn.sigmoid %[[RELU]] : tensor<?x128xf32>
  // CHECK: %[[TANH:.*]] = nn.tanh %[[SIGMOID]] : tensor<?x128xf32>
  // CHECK: %[[EXP:.*]] = nn.exp %[[TANH]] : tensor<?x128xf32>
  // CHECK: %[[LOG:.*]] = nn.log %[[EXP]] : tensor<?x128xf32>
  // CHECK: %[[NEG:.*]] = nn.neg %[[LOG]] : tensor<?x128xf32>
  // CHECK: %[[SQRT:.*]] = nn.sqrt %[[NEG]] : tensor<?x128xf32>
  // CHECK: %[[RSQRT:.*]] = nn.rsqrt %[[SQRT]] : tensor<?x128xf32>
  // CHECK: %[[ABS:.*]] = nn.abs %[[RSQRT]] : tensor<?x128xf32>
  // CHECK: return %[[ABS]] : tensor<?x128xf32>
  %0 = nn.relu %x : tensor<?x128xf32>
  %1 = nn.sigmoid %0 : tensor<?x128xf32>
  %2 = nn.tanh %1 : tensor<?x128xf32>
  %3 = nn.exp %2 : tensor<?x128xf32>
  %4 = nn.log %3 : tensor<?x128xf32>
  %5 = nn.neg %4 : tensor<?x128xf32>
  %6 = nn.sqrt %5 : tensor<?x128xf32>
  %7 = nn.rsqrt %6 : tensor<?x128xf32>
  %8 = nn.abs %7 : tensor<?x128xf32>
  return %8 : tensor<?x128xf32>
}

// -----

// Tests that unary ops accept f16 and bf16 tensors of any rank.
// CHECK-LABEL: func.func @unary_half(
// CHECK-SAME: %[[X:.*]]: tensor<f16>, %[[Y:.*]]: tensor<2x3x4xbf16>
func.func @unary_half(%x: tensor<f16>, %y: tensor<2x3x4xbf16>) -> (tensor<f16>, tensor<2x3x4xbf16>) {
  // CHECK: nn.tanh %[[X]] : tensor<f16>
  // CHECK: nn.relu %[[Y]] : tensor<2x3x4xbf16>
  %0 = nn.tanh %x : tensor<f16>
  %1 = nn.relu %y : tensor<2x3x4xbf16>
  return %0, %1 : tensor<f16>, tensor<2x3x4xbf16>
}

// -----

// Tests that leaky_relu prints alpha only when it differs from 0.01.
// CHECK-LABEL: func.func @leaky_relu(
// CHECK-SAME: %[[X:.*]]: tensor<?x8xf32>
func.func @leaky_relu(%x: tensor<?x8xf32>) -> (tensor<?x8xf32>, tensor<?x8xf32>, tensor<?x8xf32>) {
  // CHECK: nn.leaky_relu %[[X]] : tensor<?x8xf32>
  // CHECK: nn.leaky_relu %[[X]] {alpha = 2.000000e-01 : f32} : tensor<?x8xf32>
  // CHECK: nn.leaky_relu %[[X]] : tensor<?x8xf32>
  %0 = nn.leaky_relu %x : tensor<?x8xf32>
  %1 = nn.leaky_relu %x {alpha = 0.2 : f32} : tensor<?x8xf32>
  %2 = nn.leaky_relu %x {alpha = 0.01 : f32} : tensor<?x8xf32>
  return %0, %1, %2 : tensor<?x8xf32>, tensor<?x8xf32>, tensor<?x8xf32>
}

// -----

// Tests that prelu takes a slope per channel or one shared slope.
// CHECK-LABEL: func.func @prelu(
// CHECK-SAME: %[[X:.*]]: tensor<?x16x8x8xf32>, %[[S:.*]]: tensor<16xf32>, %[[S1:.*]]: tensor<1xf32>
func.func @prelu(%x: tensor<?x16x8x8xf32>, %s: tensor<16xf32>, %s1: tensor<1xf32>) -> (tensor<?x16x8x8xf32>, tensor<?x16x8x8xf32>) {
  // CHECK: nn.prelu %[[X]], %[[S]] : tensor<?x16x8x8xf32>, tensor<16xf32>
  // CHECK: nn.prelu %[[X]], %[[S1]] : tensor<?x16x8x8xf32>, tensor<1xf32>
  %0 = nn.prelu %x, %s : tensor<?x16x8x8xf32>, tensor<16xf32>
  %1 = nn.prelu %x, %s1 : tensor<?x16x8x8xf32>, tensor<1xf32>
  return %0, %1 : tensor<?x16x8x8xf32>, tensor<?x16x8x8xf32>
}

// -----

// Tests that every binary op round-trips, broadcasting a vector over a batch.
// CHECK-LABEL: func.func @binary(
// CHECK-SAME: %[[A:.*]]: tensor<?x10xf32>, %[[B:.*]]: tensor<10xf32>
func.func @binary(%a: tensor<?x10xf32>, %b: tensor<10xf32>) -> tensor<?x10xf32> {
  // CHECK: %[[ADD:.*]] = nn.add %[[A]], %[[B]] : tensor<?x10xf32>, tensor<10xf32>
  // CHECK: %[[SUB:.*]] = nn.sub %[[ADD]], %[[B]] : tensor<?x10xf32>, tensor<10xf32>
  // CHECK: %[[MUL:.*]] = nn.mul %[[B]], %[[SUB]] : tensor<10xf32>, tensor<?x10xf32>
  // CHECK: %[[DIV:.*]] = nn.div %[[MUL]], %[[B]] : tensor<?x10xf32>, tensor<10xf32>
  // CHECK: %[[MAX:.*]] = nn.maximum %[[DIV]], %[[A]] : tensor<?x10xf32>, tensor<?x10xf32>
  // CHECK: %[[MIN:.*]] = nn.minimum %[[MAX]], %[[B]] : tensor<?x10xf32>, tensor<10xf32>
  // CHECK: %[[POW:.*]] = nn.pow %[[MIN]], %[[B]] : tensor<?x10xf32>, tensor<10xf32>
  // CHECK: return %[[POW]] : tensor<?x10xf32>
  %0 = nn.add %a, %b : tensor<?x10xf32>, tensor<10xf32>
  %1 = nn.sub %0, %b : tensor<?x10xf32>, tensor<10xf32>
  %2 = nn.mul %b, %1 : tensor<10xf32>, tensor<?x10xf32>
  %3 = nn.div %2, %b : tensor<?x10xf32>, tensor<10xf32>
  %4 = nn.maximum %3, %a : tensor<?x10xf32>, tensor<?x10xf32>
  %5 = nn.minimum %4, %b : tensor<?x10xf32>, tensor<10xf32>
  %6 = nn.pow %5, %b : tensor<?x10xf32>, tensor<10xf32>
  return %6 : tensor<?x10xf32>
}

// -----

// Tests that bias_add prints axis only when it differs from 1.
// CHECK-LABEL: func.func @bias_add(
// CHECK-SAME: %[[X:.*]]: tensor<?x6x28x28xf32>, %[[B:.*]]: tensor<6xf32>, %[[Y:.*]]: tensor<?x28xf32>, %[[C:.*]]: tensor<28xf32>
func.func @bias_add(%x: tensor<?x6x28x28xf32>, %b: tensor<6xf32>, %y: tensor<?x28xf32>, %c: tensor<28xf32>) -> (tensor<?x6x28x28xf32>, tensor<?x28xf32>) {
  // CHECK: nn.bias_add %[[X]], %[[B]] : tensor<?x6x28x28xf32>, tensor<6xf32>
  // CHECK: nn.bias_add %[[Y]], %[[C]] {axis = -1 : i64} : tensor<?x28xf32>, tensor<28xf32>
  %0 = nn.bias_add %x, %b {axis = 1 : i64} : tensor<?x6x28x28xf32>, tensor<6xf32>
  %1 = nn.bias_add %y, %c {axis = -1 : i64} : tensor<?x28xf32>, tensor<28xf32>
  return %0, %1 : tensor<?x6x28x28xf32>, tensor<?x28xf32>
}
