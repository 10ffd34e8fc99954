// RUN: nnc-opt %s -split-input-file --nn-autodiff=function=f | FileCheck %s

// Each loss is Σ y · g with an input g: the cotangent of y is exactly %g.

// Tests that training batch_norm gives dγ = Σ g·x̂ and dβ = Σ g per channel,
// x̂ recomputed from batch statistics; every per-channel sum reduces one
// axis at a time (W, H, then the batch) for f32 accuracy. The running
// statistics get no gradient and new_mean / new_var no cotangent.
// CHECK-LABEL: func.func @f_grad(
// CHECK-SAME: %[[X:.*]]: tensor<?x3x4x4xf32>, %[[GAMMA:.*]]: tensor<3xf32> {nn.param}, %[[BETA:.*]]: tensor<3xf32> {nn.param}, %{{.*}}: tensor<3xf32> {nn.state}, %{{.*}}: tensor<3xf32> {nn.state}, %[[G:.*]]: tensor<?x3x4x4xf32>)
// CHECK-SAME: -> (tensor<f32>, tensor<3xf32>, tensor<3xf32>)
// CHECK: %[[EPS:.*]] = arith.constant dense<9.99999974E-6> : tensor<f32>
// CHECK: %[[M3:.*]] = nn.reduce_mean %[[X]] {axes = array<i64: 3>, keep_dims = true}
// CHECK: %[[M2:.*]] = nn.reduce_mean %[[M3]] {axes = array<i64: 2>, keep_dims = true}
// CHECK: %[[MEAN:.*]] = nn.reduce_mean %[[M2]] {axes = array<i64: 0>, keep_dims = true} : tensor<?x3x1x1xf32>
// CHECK: %[[C:.*]] = nn.sub %[[X]], %[[MEAN]]
// CHECK: %[[SQ:.*]] = nn.mul %[[C]], %[[C]]
// CHECK: %[[VAR:.*]] = nn.reduce_mean %{{.*}} {axes = array<i64: 0>, keep_dims = true}
// CHECK: %[[R:.*]] = nn.rsqrt %{{.*}} : tensor<1x3x1x1xf32>
// CHECK: %[[XHAT:.*]] = nn.mul %[[C]], %[[R]]
// CHECK: %[[GX:.*]] = nn.mul %[[G]], %[[XHAT]]
// CHECK: nn.reduce_sum %[[GX]] {axes = array<i64: 3>, keep_dims = true}
// CHECK: %[[DGAMMA:.*]] = nn.reshape %{{.*}} : tensor<1x3x1x1xf32> -> tensor<3xf32>
// CHECK: nn.reduce_sum %[[G]] {axes = array<i64: 3>, keep_dims = true}
// CHECK: %[[DBETA:.*]] = nn.reshape %{{.*}} : tensor<1x3x1x1xf32> -> tensor<3xf32>
// CHECK: return %{{.*}}, %[[DGAMMA]], %[[DBETA]]
func.func @f(%x: tensor<?x3x4x4xf32>, %gamma: tensor<3xf32> {nn.param}, %beta: tensor<3xf32> {nn.param}, %m: tensor<3xf32> {nn.state}, %v: tensor<3xf32> {nn.state}, %g: tensor<?x3x4x4xf32>) -> tensor<f32> {
  %y, %nm, %nv = nn.batch_norm %x, %gamma, %beta, %m, %v {training = true} : tensor<?x3x4x4xf32>, tensor<3xf32>, tensor<3xf32>, tensor<3xf32>, tensor<3xf32>
  %p = nn.mul %y, %g : tensor<?x3x4x4xf32>, tensor<?x3x4x4xf32>
  %l = nn.reduce_sum %p : tensor<?x3x4x4xf32>
  return %l : tensor<f32>
}

// -----

// Tests that training batch_norm's input gradient is
// γ·r·(g − mean(g) − x̂·mean(g·x̂)).
// CHECK-LABEL: func.func @f_grad(
// CHECK-SAME: %[[X:.*]]: tensor<2x3x4x4xf32> {nn.param}, %[[GAMMA:.*]]: tensor<3xf32>, %{{.*}}: tensor<3xf32>, %{{.*}}: tensor<3xf32>, %{{.*}}: tensor<3xf32>, %[[G:.*]]: tensor<2x3x4x4xf32>)
// CHECK: %[[R:.*]] = nn.rsqrt
// CHECK: %[[XHAT:.*]] = nn.mul %{{.*}}, %[[R]]
// CHECK: %[[MEAN_G:.*]] = nn.reduce_mean %{{.*}} {axes = array<i64: 0>, keep_dims = true}
// CHECK: %[[GX:.*]] = nn.mul %[[G]], %[[XHAT]]
// CHECK: %[[MEAN_GX:.*]] = nn.reduce_mean %{{.*}} {axes = array<i64: 0>, keep_dims = true}
// CHECK: %[[D1:.*]] = nn.sub %[[G]], %[[MEAN_G]]
// CHECK: %[[D2:.*]] = nn.mul %[[XHAT]], %[[MEAN_GX]]
// CHECK: %[[INNER:.*]] = nn.sub %[[D1]], %[[D2]]
// CHECK: %[[GAMMA_C:.*]] = nn.reshape %[[GAMMA]] : tensor<3xf32> -> tensor<1x3x1x1xf32>
// CHECK: %[[SCALE:.*]] = nn.mul %[[GAMMA_C]], %[[R]]
// CHECK: %[[DX:.*]] = nn.mul %[[SCALE]], %[[INNER]]
// CHECK: return %{{.*}}, %[[DX]]
func.func @f(%x: tensor<2x3x4x4xf32> {nn.param}, %gamma: tensor<3xf32>, %beta: tensor<3xf32>, %m: tensor<3xf32>, %v: tensor<3xf32>, %g: tensor<2x3x4x4xf32>) -> tensor<f32> {
  %y, %nm, %nv = nn.batch_norm %x, %gamma, %beta, %m, %v {training = true} : tensor<2x3x4x4xf32>, tensor<3xf32>, tensor<3xf32>, tensor<3xf32>, tensor<3xf32>
  %p = nn.mul %y, %g : tensor<2x3x4x4xf32>, tensor<2x3x4x4xf32>
  %l = nn.reduce_sum %p : tensor<2x3x4x4xf32>
  return %l : tensor<f32>
}

// -----

// Tests that inference batch_norm, whose statistics are constants, scales
// the cotangent per channel: dx = g · γ · (var + ε)^(−1/2).
// CHECK-LABEL: func.func @f_grad(
// CHECK-SAME: %[[X:.*]]: tensor<2x3x4x4xf32> {nn.param}, %[[GAMMA:.*]]: tensor<3xf32>, %{{.*}}: tensor<3xf32>, %{{.*}}: tensor<3xf32>, %[[VAR:.*]]: tensor<3xf32>, %[[G:.*]]: tensor<2x3x4x4xf32>)
// CHECK: %[[EPS:.*]] = arith.constant dense<9.99999974E-6> : tensor<f32>
// CHECK: %[[V:.*]] = nn.reshape %[[VAR]] : tensor<3xf32> -> tensor<1x3x1x1xf32>
// CHECK: %[[VE:.*]] = nn.add %[[V]], %[[EPS]]
// CHECK: %[[R:.*]] = nn.rsqrt %[[VE]]
// CHECK: %[[GAMMA_C:.*]] = nn.reshape %[[GAMMA]] : tensor<3xf32> -> tensor<1x3x1x1xf32>
// CHECK: %[[SCALE:.*]] = nn.mul %[[GAMMA_C]], %[[R]]
// CHECK: %[[DX:.*]] = nn.mul %[[G]], %[[SCALE]]
// CHECK-NOT: nn.reduce_mean
// CHECK: return %{{.*}}, %[[DX]]
func.func @f(%x: tensor<2x3x4x4xf32> {nn.param}, %gamma: tensor<3xf32>, %beta: tensor<3xf32>, %m: tensor<3xf32>, %v: tensor<3xf32>, %g: tensor<2x3x4x4xf32>) -> tensor<f32> {
  %y, %nm, %nv = nn.batch_norm %x, %gamma, %beta, %m, %v : tensor<2x3x4x4xf32>, tensor<3xf32>, tensor<3xf32>, tensor<3xf32>, tensor<3xf32>
  %p = nn.mul %y, %g : tensor<2x3x4x4xf32>, tensor<2x3x4x4xf32>
  %l = nn.reduce_sum %p : tensor<2x3x4x4xf32>
  return %l : tensor<f32>
}

// -----

// Tests that training dropout's gradient is dropout of the cotangent with
// the same seed and attributes: the same mask and scale.
// CHECK-LABEL: func.func @f_grad(
// CHECK-SAME: %[[X:.*]]: tensor<4x6xf32> {nn.param}, %[[SEED:.*]]: tensor<i64>, %[[G:.*]]: tensor<4x6xf32>)
// CHECK: %[[DX:.*]] = nn.dropout %[[G]], %[[SEED]] {rate = 2.500000e-01 : f32, training = true} : tensor<4x6xf32>, tensor<i64>
// CHECK: return %{{.*}}, %[[DX]]
func.func @f(%x: tensor<4x6xf32> {nn.param}, %seed: tensor<i64>, %g: tensor<4x6xf32>) -> tensor<f32> {
  %y = nn.dropout %x, %seed {rate = 0.25 : f32, training = true} : tensor<4x6xf32>, tensor<i64>
  %p = nn.mul %y, %g : tensor<4x6xf32>, tensor<4x6xf32>
  %l = nn.reduce_sum %p : tensor<4x6xf32>
  return %l : tensor<f32>
}

// -----

// Tests that inference dropout, the identity, passes the cotangent on.
// CHECK-LABEL: func.func @f_grad(
// CHECK-SAME: %[[X:.*]]: tensor<4x6xf32> {nn.param}, %[[SEED:.*]]: tensor<i64>, %[[G:.*]]: tensor<4x6xf32>)
// CHECK: return %{{.*}}, %[[G]] : tensor<f32>, tensor<4x6xf32>
func.func @f(%x: tensor<4x6xf32> {nn.param}, %seed: tensor<i64>, %g: tensor<4x6xf32>) -> tensor<f32> {
  %y = nn.dropout %x, %seed {rate = 0.25 : f32} : tensor<4x6xf32>, tensor<i64>
  %p = nn.mul %y, %g : tensor<4x6xf32>, tensor<4x6xf32>
  %l = nn.reduce_sum %p : tensor<4x6xf32>
  return %l : tensor<f32>
}

// -----

// Tests that lrn's gradient (size 4: window [c − 2, c + 1]) averages x² over
// the channel window with avg_pool2d on x viewed as [N, 1, C, H·W] (padding
// 2 before, 1 after), then the adjoint average of g·x·d^(−β−1) over the
// reversed window (padding 1 before, 2 after), scaled by 2αβ = 0.75:
// dx = g·d^(−β) − 2αβ·x·mean'(g·x·d^(−β)/d).
// CHECK-LABEL: func.func @f_grad(
// CHECK-SAME: %[[X:.*]]: tensor<2x5x2x3xf32> {nn.param}, %[[G:.*]]: tensor<2x5x2x3xf32>)
// CHECK-DAG: %[[TWO_ALPHA_BETA:.*]] = arith.constant dense<7.500000e-01> : tensor<f32>
// CHECK-DAG: %[[MINUS_BETA:.*]] = arith.constant dense<-7.500000e-01> : tensor<f32>
// CHECK-DAG: %[[ALPHA:.*]] = arith.constant dense<5.000000e-01> : tensor<f32>
// CHECK-DAG: %[[BIAS:.*]] = arith.constant dense<2.000000e+00> : tensor<f32>
// CHECK: %[[SQ:.*]] = nn.mul %[[X]], %[[X]]
// CHECK: %[[VIEW:.*]] = nn.reshape %[[SQ]] : tensor<2x5x2x3xf32> -> tensor<2x1x5x6xf32>
// CHECK: %[[AVG:.*]] = nn.avg_pool2d %[[VIEW]] {count_include_pad = true, kernel = array<i64: 4, 1>, padding = array<i64: 2, 0, 1, 0>, strides = array<i64: 1, 1>}
// CHECK: %[[MEAN:.*]] = nn.reshape %[[AVG]] : tensor<2x1x5x6xf32> -> tensor<2x5x2x3xf32>
// CHECK: %[[SCALED:.*]] = nn.mul %[[MEAN]], %[[ALPHA]]
// CHECK: %[[D:.*]] = nn.add %[[SCALED]], %[[BIAS]]
// CHECK: %[[DPOW:.*]] = nn.pow %[[D]], %[[MINUS_BETA]]
// CHECK: %[[GX:.*]] = nn.mul %[[G]], %[[X]]
// CHECK: %[[GXD:.*]] = nn.mul %[[GX]], %[[DPOW]]
// CHECK: %[[INNER:.*]] = nn.div %[[GXD]], %[[D]]
// CHECK: %[[IVIEW:.*]] = nn.reshape %[[INNER]] : tensor<2x5x2x3xf32> -> tensor<2x1x5x6xf32>
// CHECK: %[[BACK:.*]] = nn.avg_pool2d %[[IVIEW]] {count_include_pad = true, kernel = array<i64: 4, 1>, padding = array<i64: 1, 0, 2, 0>, strides = array<i64: 1, 1>}
// CHECK: %[[ADJ:.*]] = nn.reshape %[[BACK]] : tensor<2x1x5x6xf32> -> tensor<2x5x2x3xf32>
// CHECK: %[[XA:.*]] = nn.mul %[[X]], %[[ADJ]]
// CHECK: %[[CROSS:.*]] = nn.mul %[[XA]], %[[TWO_ALPHA_BETA]]
// CHECK: %[[DIRECT:.*]] = nn.mul %[[G]], %[[DPOW]]
// CHECK: %[[DX:.*]] = nn.sub %[[DIRECT]], %[[CROSS]]
func.func @f(%x: tensor<2x5x2x3xf32> {nn.param}, %g: tensor<2x5x2x3xf32>) -> tensor<f32> {
  %y = nn.lrn %x {size = 4 : i64, alpha = 0.5 : f32, beta = 0.75 : f32, bias = 2.0 : f32} : tensor<2x5x2x3xf32>
  %p = nn.mul %y, %g : tensor<2x5x2x3xf32>, tensor<2x5x2x3xf32>
  %l = nn.reduce_sum %p : tensor<2x5x2x3xf32>
  return %l : tensor<f32>
}
