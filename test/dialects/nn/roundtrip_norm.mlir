// RUN: nnc-opt %s -split-input-file | nnc-opt -split-input-file | FileCheck %s

// Tests that batch_norm round-trips with its three results.
// CHECK-LABEL: func.func @batch_norm(
// CHECK-SAME: %[[X:.*]]: tensor<?x16x8x8xf32>, %[[G:.*]]: tensor<16xf32>, %[[B:.*]]: tensor<16xf32>, %[[M:.*]]: tensor<16xf32>, %[[V:.*]]: tensor<16xf32>
func.func @batch_norm(%x: tensor<?x16x8x8xf32>, %g: tensor<16xf32>, %b: tensor<16xf32>, %m: tensor<16xf32>, %v: tensor<16xf32>) -> (tensor<?x16x8x8xf32>, tensor<16xf32>, tensor<16xf32>, tensor<?x16x8x8xf32>) {
  // CHECK: %[[Y:.*]], %[[MEAN:.*]], %[[VAR:.*]] = nn.batch_norm %[[X]], %[[G]], %[[B]], %[[M]], %[[V]] {epsilon = 1.000000e-03 : f32, momentum = 0.00999999977 : f32, training = true} : tensor<?x16x8x8xf32>, tensor<16xf32>, tensor<16xf32>, tensor<16xf32>, tensor<16xf32>
  // CHECK: %[[E:.*]], %{{.*}}, %{{.*}} = nn.batch_norm %[[X]], %[[G]], %[[B]], %[[MEAN]], %[[VAR]] : tensor<?x16x8x8xf32>, tensor<16xf32>, tensor<16xf32>, tensor<16xf32>, tensor<16xf32>
  // CHECK: return %[[Y]], %[[MEAN]], %[[VAR]], %[[E]] :
  %y, %mean, %var = nn.batch_norm %x, %g, %b, %m, %v {epsilon = 1.0e-3 : f32, momentum = 0.01 : f32, training = true} : tensor<?x16x8x8xf32>, tensor<16xf32>, tensor<16xf32>, tensor<16xf32>, tensor<16xf32>
  %e:3 = nn.batch_norm %x, %g, %b, %mean, %var {epsilon = 1.0e-5 : f32, momentum = 0.1 : f32, training = false} : tensor<?x16x8x8xf32>, tensor<16xf32>, tensor<16xf32>, tensor<16xf32>, tensor<16xf32>
  return %y, %mean, %var, %e#0 : tensor<?x16x8x8xf32>, tensor<16xf32>, tensor<16xf32>, tensor<?x16x8x8xf32>
}

// -----

// Tests that batch_norm normalizes [N, C] input as well as images.
// CHECK-LABEL: func.func @batch_norm_2d(
// CHECK-SAME: %[[X:.*]]: tensor<?x64xf32>, %[[C:.*]]: tensor<64xf32>
func.func @batch_norm_2d(%x: tensor<?x64xf32>, %c: tensor<64xf32>) -> tensor<?x64xf32> {
  // CHECK: nn.batch_norm %[[X]], %[[C]], %[[C]], %[[C]], %[[C]] {training = true} : tensor<?x64xf32>, tensor<64xf32>, tensor<64xf32>, tensor<64xf32>, tensor<64xf32>
  %y:3 = nn.batch_norm %x, %c, %c, %c, %c {training = true} : tensor<?x64xf32>, tensor<64xf32>, tensor<64xf32>, tensor<64xf32>, tensor<64xf32>
  return %y#0 : tensor<?x64xf32>
}

// -----

// Tests that dropout round-trips with its seed, rate and training flag.
// CHECK-LABEL: func.func @dropout(
// CHECK-SAME: %[[X:.*]]: tensor<?x256xf32>, %[[S:.*]]: tensor<i64>
func.func @dropout(%x: tensor<?x256xf32>, %seed: tensor<i64>) -> (tensor<?x256xf32>, tensor<?x256xf32>) {
  // CHECK: nn.dropout %[[X]], %[[S]] {rate = 2.500000e-01 : f32, training = true} : tensor<?x256xf32>, tensor<i64>
  // CHECK: nn.dropout %[[X]], %[[S]] : tensor<?x256xf32>, tensor<i64>
  %0 = nn.dropout %x, %seed {rate = 0.25 : f32, training = true} : tensor<?x256xf32>, tensor<i64>
  %1 = nn.dropout %x, %seed {rate = 0.5 : f32, training = false} : tensor<?x256xf32>, tensor<i64>
  return %0, %1 : tensor<?x256xf32>, tensor<?x256xf32>
}

// -----

// Tests that lrn round-trips its four attributes.
// CHECK-LABEL: func.func @lrn(
// CHECK-SAME: %[[X:.*]]: tensor<?x64x16x16xf32>
func.func @lrn(%x: tensor<?x64x16x16xf32>) -> (tensor<?x64x16x16xf32>, tensor<?x64x16x16xf32>) {
  // CHECK: nn.lrn %[[X]] : tensor<?x64x16x16xf32>
  // CHECK: nn.lrn %[[X]] {alpha = 2.000000e-04 : f32, beta = 5.000000e-01 : f32, bias = 2.000000e+00 : f32, size = 3 : i64} : tensor<?x64x16x16xf32>
  %0 = nn.lrn %x {size = 5 : i64} : tensor<?x64x16x16xf32>
  %1 = nn.lrn %x {size = 3 : i64, alpha = 2.0e-4 : f32, beta = 0.5 : f32, bias = 2.0 : f32} : tensor<?x64x16x16xf32>
  return %0, %1 : tensor<?x64x16x16xf32>, tensor<?x64x16x16xf32>
}

// -----

// Tests that softmax and log_softmax print axis only when it differs from -1.
// CHECK-LABEL: func.func @softmax(
// CHECK-SAME: %[[X:.*]]: tensor<?x10xf32>
func.func @softmax(%x: tensor<?x10xf32>) -> (tensor<?x10xf32>, tensor<?x10xf32>, tensor<?x10xf32>) {
  // CHECK: nn.softmax %[[X]] : tensor<?x10xf32>
  // CHECK: nn.softmax %[[X]] {axis = 0 : i64} : tensor<?x10xf32>
  // CHECK: nn.log_softmax %[[X]] {axis = 1 : i64} : tensor<?x10xf32>
  %0 = nn.softmax %x {axis = -1 : i64} : tensor<?x10xf32>
  %1 = nn.softmax %x {axis = 0 : i64} : tensor<?x10xf32>
  %2 = nn.log_softmax %x {axis = 1 : i64} : tensor<?x10xf32>
  return %0, %1, %2 : tensor<?x10xf32>, tensor<?x10xf32>, tensor<?x10xf32>
}
