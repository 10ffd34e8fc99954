// RUN: nnc-opt %s -split-input-file --nn-autodiff=function=f | FileCheck %s

// Tests that softmax's gradient is y · (g − Σ_axis g · y) on the forward y.
// CHECK-LABEL: func.func @f_grad(
// CHECK-SAME: %[[X:.*]]: tensor<4x5xf32> {nn.param}, %[[G:.*]]: tensor<4x5xf32>)
// CHECK: %[[Y:.*]] = nn.softmax %[[X]] {axis = 0 : i64}
// CHECK: %[[GY:.*]] = nn.mul %[[Y]], %[[G]]
// CHECK: %[[DOT:.*]] = nn.reduce_sum %[[GY]] {axes = array<i64: 0>, keep_dims = true}
// CHECK: %[[D:.*]] = nn.sub %[[G]], %[[DOT]] : tensor<4x5xf32>, tensor<1x5xf32>
// CHECK: %[[DX:.*]] = nn.mul %[[Y]], %[[D]]
// CHECK: return %{{.*}}, %[[DX]]
func.func @f(%x: tensor<4x5xf32> {nn.param}, %g: tensor<4x5xf32>) -> tensor<f32> {
  %y = nn.softmax %x {axis = 0 : i64} : tensor<4x5xf32>
  %p = nn.mul %y, %g : tensor<4x5xf32>, tensor<4x5xf32>
  %l = nn.reduce_sum %p : tensor<4x5xf32>
  return %l : tensor<f32>
}

// -----

// Tests that log_softmax's gradient is g − exp(y) · Σ_axis g.
// CHECK-LABEL: func.func @f_grad(
// CHECK-SAME: %[[X:.*]]: tensor<4x5xf32> {nn.param}, %[[G:.*]]: tensor<4x5xf32>)
// CHECK: %[[Y:.*]] = nn.log_softmax %[[X]]
// CHECK-DAG: %[[SUM:.*]] = nn.reduce_sum %[[G]] {axes = array<i64: 1>, keep_dims = true}
// CHECK-DAG: %[[P:.*]] = nn.exp %[[Y]]
// CHECK: %[[PS:.*]] = nn.mul %[[P]], %[[SUM]]
// CHECK: %[[DX:.*]] = nn.sub %[[G]], %[[PS]]
// CHECK: return %{{.*}}, %[[DX]]
func.func @f(%x: tensor<4x5xf32> {nn.param}, %g: tensor<4x5xf32>) -> tensor<f32> {
  %y = nn.log_softmax %x : tensor<4x5xf32>
  %p = nn.mul %y, %g : tensor<4x5xf32>, tensor<4x5xf32>
  %l = nn.reduce_sum %p : tensor<4x5xf32>
  return %l : tensor<f32>
}

// -----

// Tests that cross-entropy with class indices has the gradient
// (softmax(z) − one_hot(labels)) / N, the one-hot built by comparing the
// labels against the class ids, and that labels get no gradient.
// CHECK-LABEL: func.func @f_grad(
// CHECK-SAME: %[[Z:.*]]: tensor<4x5xf32> {nn.param}, %[[L:.*]]: tensor<4xi64>)
// CHECK-SAME: -> (tensor<f32>, tensor<4x5xf32>)
// CHECK-DAG: %[[IDS:.*]] = arith.constant dense<[0, 1, 2, 3, 4]> : tensor<5xi64>
// CHECK-DAG: %[[INV:.*]] = arith.constant dense<2.500000e-01> : tensor<f32>
// CHECK: %[[LOSS:.*]] = nn.softmax_cross_entropy %[[Z]], %[[L]]
// CHECK: %[[P:.*]] = nn.softmax %[[Z]] {axis = 1 : i64}
// CHECK: %[[COL:.*]] = nn.reshape %[[L]] : tensor<4xi64> -> tensor<4x1xi64>
// CHECK: %[[HIT:.*]] = nn.compare %[[COL]], %[[IDS]] {predicate = "eq"}
// CHECK: %[[ONEHOT:.*]] = nn.select %[[HIT]]
// CHECK: %[[DIFF:.*]] = nn.sub %[[P]], %[[ONEHOT]]
// CHECK: %[[DZ:.*]] = nn.mul %[[DIFF]], %[[INV]]
// CHECK: return %[[LOSS]], %[[DZ]]
func.func @f(%z: tensor<4x5xf32> {nn.param}, %labels: tensor<4xi64>) -> tensor<f32> {
  %l = nn.softmax_cross_entropy %z, %labels : tensor<4x5xf32>, tensor<4xi64>
  return %l : tensor<f32>
}

// -----

// Tests that the mean over a dynamic batch divides by the label count
// taken at run time.
// CHECK-LABEL: func.func @f_grad(
// CHECK-SAME: %[[X:.*]]: tensor<?x3xf32>, %[[W:.*]]: tensor<5x3xf32> {nn.param}, %[[L:.*]]: tensor<?xi64>)
// CHECK: %[[ONES:.*]] = nn.expand_as %{{.*}}, %[[L]] : tensor<f32>, tensor<?xi64>
// CHECK: %[[N:.*]] = nn.reduce_sum %[[ONES]] {axes = array<i64: 0>, keep_dims = true} : tensor<?xf32>
// CHECK: %[[INV:.*]] = nn.div %{{.*}}, %[[N]] : tensor<f32>, tensor<1xf32>
// CHECK: %[[DZ:.*]] = nn.mul %{{.*}}, %[[INV]] : tensor<?x5xf32>, tensor<1xf32>
// CHECK: %[[DW:.*]] = nn.matmul %[[DZ]], %[[X]] {transpose_a = true}
// CHECK: return %{{.*}}, %[[DW]]
func.func @f(%x: tensor<?x3xf32>, %w: tensor<5x3xf32> {nn.param}, %labels: tensor<?xi64>) -> tensor<f32> {
  %z = nn.linear %x, %w : tensor<?x3xf32>, tensor<5x3xf32>
  %l = nn.softmax_cross_entropy %z, %labels : tensor<?x5xf32>, tensor<?xi64>
  return %l : tensor<f32>
}

// -----

// Tests that cross-entropy with probability labels and "sum" has the
// gradient softmax(z) · Σ_k t − t.
// CHECK-LABEL: func.func @f_grad(
// CHECK-SAME: %[[Z:.*]]: tensor<4x5xf32> {nn.param}, %[[T:.*]]: tensor<4x5xf32>)
// CHECK: %[[P:.*]] = nn.softmax %[[Z]] {axis = 1 : i64}
// CHECK: %[[MASS:.*]] = nn.reduce_sum %[[T]] {axes = array<i64: 1>, keep_dims = true}
// CHECK: %[[PM:.*]] = nn.mul %[[P]], %[[MASS]]
// CHECK: %[[DZ:.*]] = nn.sub %[[PM]], %[[T]]
// CHECK: return %{{.*}}, %[[DZ]]
func.func @f(%z: tensor<4x5xf32> {nn.param}, %t: tensor<4x5xf32>) -> tensor<f32> {
  %l = nn.softmax_cross_entropy %z, %t {reduction = "sum"} : tensor<4x5xf32>, tensor<4x5xf32>
  return %l : tensor<f32>
}

// -----

// Tests that binary cross-entropy differentiates its clamped logs: each
// term passes gradient only where its log is above −100.
// CHECK-LABEL: func.func @f_grad(
// CHECK-SAME: %[[W:.*]]: tensor<4x1xf32> {nn.param}, %[[T:.*]]: tensor<4x1xf32>)
// CHECK-DAG: %[[FLOOR:.*]] = arith.constant dense<-1.000000e+02> : tensor<f32>
// CHECK: %[[P:.*]] = nn.sigmoid %[[W]]
// CHECK: %[[Q:.*]] = nn.sub %{{.*}}, %[[P]]
// CHECK: %[[LOGP:.*]] = nn.log %[[P]]
// CHECK: %[[LIVEP:.*]] = nn.compare %[[LOGP]], %[[FLOOR]] {predicate = "gt"}
// CHECK: %[[TP:.*]] = nn.div %[[T]], %[[P]]
// CHECK: %[[DLOGP:.*]] = nn.select %[[LIVEP]], %[[TP]]
// CHECK: %[[LOGQ:.*]] = nn.log %[[Q]]
// CHECK: %[[LIVEQ:.*]] = nn.compare %[[LOGQ]], %[[FLOOR]] {predicate = "gt"}
// CHECK: %[[DLOGQ:.*]] = nn.select %[[LIVEQ]]
// CHECK: nn.sub %[[DLOGQ]], %[[DLOGP]]
func.func @f(%w: tensor<4x1xf32> {nn.param}, %t: tensor<4x1xf32>) -> tensor<f32> {
  %p = nn.sigmoid %w : tensor<4x1xf32>
  %l = nn.binary_cross_entropy %p, %t : tensor<4x1xf32>, tensor<4x1xf32>
  return %l : tensor<f32>
}

// -----

// Tests that mse_loss with "none" has the gradient 2 · (y − t) · g.
// CHECK-LABEL: func.func @f_grad(
// CHECK-SAME: %[[Y:.*]]: tensor<4x2xf32> {nn.param}, %[[T:.*]]: tensor<4x2xf32>, %[[G:.*]]: tensor<4x2xf32>)
// CHECK-DAG: %[[TWO:.*]] = arith.constant dense<2.000000e+00> : tensor<f32>
// CHECK: %[[D:.*]] = nn.sub %[[Y]], %[[T]]
// CHECK: %[[D2:.*]] = nn.mul %[[D]], %[[TWO]]
// CHECK: %[[DY:.*]] = nn.mul %[[D2]], %[[G]]
// CHECK: return %{{.*}}, %[[DY]]
func.func @f(%y: tensor<4x2xf32> {nn.param}, %t: tensor<4x2xf32>, %g: tensor<4x2xf32>) -> tensor<f32> {
  %e = nn.mse_loss %y, %t {reduction = "none"} : tensor<4x2xf32>, tensor<4x2xf32>
  %p = nn.mul %e, %g : tensor<4x2xf32>, tensor<4x2xf32>
  %l = nn.reduce_sum %p : tensor<4x2xf32>
  return %l : tensor<f32>
}
