// RUN: nnc-opt %s --nn-train-step="function=loss optimizer=adam:lr=0.01" | FileCheck %s
// RUN: nnc-opt %s --nn-train-step="function=loss optimizer=adamw:lr=0.01" | FileCheck %s --check-prefix=ADAMW

// Tests that adam's train step gives every param an exp_avg and an
// exp_avg_sq argument (param-major), then one step count; increments the
// step; computes the bias corrections 1 − beta^step from the new step; and
// assigns the step, each param and each slot. With adamw the param decays
// by (1 − lr·weight_decay) before the update instead of adding to the
// gradient.

func.func @loss(%x: tensor<?x3xf32>, %t: tensor<?x2xf32>,
                %w: tensor<2x3xf32> {nn.param},
                %b: tensor<2xf32> {nn.param}) -> tensor<f32> {
  %z = nn.linear %x, %w : tensor<?x3xf32>, tensor<2x3xf32>
  %y = nn.bias_add %z, %b : tensor<?x2xf32>, tensor<2xf32>
  %l = nn.mse_loss %y, %t : tensor<?x2xf32>, tensor<?x2xf32>
  return %l : tensor<f32>
}

// CHECK-LABEL: func.func @loss_train_step(
// CHECK-SAME: %[[W:[a-z0-9]+]]: tensor<2x3xf32> {nn.param},
// CHECK-SAME: %[[B:[a-z0-9]+]]: tensor<2xf32> {nn.param},
// CHECK-SAME: %[[MW:[a-z0-9]+]]: tensor<2x3xf32> {nn.opt_param = 2 : i64, nn.opt_state = "exp_avg"},
// CHECK-SAME: %[[VW:[a-z0-9]+]]: tensor<2x3xf32> {nn.opt_param = 2 : i64, nn.opt_state = "exp_avg_sq"},
// CHECK-SAME: %[[MB:[a-z0-9]+]]: tensor<2xf32> {nn.opt_param = 3 : i64, nn.opt_state = "exp_avg"},
// CHECK-SAME: %[[VB:[a-z0-9]+]]: tensor<2xf32> {nn.opt_param = 3 : i64, nn.opt_state = "exp_avg_sq"},
// CHECK-SAME: %[[STEP:[a-z0-9]+]]: tensor<f32> {nn.opt_state = "step"}) -> tensor<f32>
// CHECK-SAME: nn.optimizer = "adam:lr=0.01,beta1=0.9,beta2=0.999,eps=1e-08,weight_decay=0"
// CHECK-DAG: %[[ONE:.*]] = arith.constant dense<1.000000e+00> : tensor<f32>
// CHECK-DAG: %[[BETA1:.*]] = arith.constant dense<0.899999976> : tensor<f32>
// CHECK-DAG: %[[BETA2:.*]] = arith.constant dense<9.990000e-01> : tensor<f32>
// CHECK-DAG: %[[LR:.*]] = arith.constant dense<0.00999999977> : tensor<f32>
// CHECK: %[[DW:.*]] = nn.matmul
// CHECK: %[[NEXT:.*]] = nn.add %[[STEP]], %[[ONE]]
// CHECK: nn.assign %[[STEP]], %[[NEXT]] : tensor<f32>
// CHECK: %[[M0:.*]] = nn.mul %[[MW]], %[[BETA1]]
// CHECK: %[[M1:.*]] = nn.mul %[[DW]],
// CHECK: %[[M:.*]] = nn.add %[[M0]], %[[M1]]
// CHECK: %[[V0:.*]] = nn.mul %[[VW]], %[[BETA2]]
// CHECK: %[[G2:.*]] = nn.mul %[[DW]], %[[DW]]
// CHECK: %[[V:.*]] = nn.add %[[V0]],
// CHECK: %[[P1:.*]] = nn.pow %[[BETA1]], %[[NEXT]]
// CHECK: %[[C1:.*]] = nn.sub %[[ONE]], %[[P1]]
// CHECK: %[[P2:.*]] = nn.pow %[[BETA2]], %[[NEXT]]
// CHECK: %[[C2:.*]] = nn.sub %[[ONE]], %[[P2]]
// CHECK: %[[SIZE:.*]] = nn.div %[[LR]], %[[C1]]
// CHECK: %[[ROOT:.*]] = nn.sqrt %[[V]]
// CHECK: %[[C2ROOT:.*]] = nn.sqrt %[[C2]]
// CHECK: %[[DENOM0:.*]] = nn.div %[[ROOT]], %[[C2ROOT]]
// CHECK: %[[DENOM:.*]] = nn.add %[[DENOM0]],
// CHECK: %[[RATIO:.*]] = nn.div %[[M]], %[[DENOM]]
// CHECK: %[[UPDATE:.*]] = nn.mul %[[SIZE]], %[[RATIO]]
// CHECK: %[[NEWW:.*]] = nn.sub %[[W]], %[[UPDATE]]
// CHECK: nn.assign %[[W]], %[[NEWW]]
// CHECK: nn.assign %[[MW]], %[[M]]
// CHECK: nn.assign %[[VW]], %[[V]]
// CHECK: nn.assign %[[B]],
// CHECK: nn.assign %[[MB]],
// CHECK: nn.assign %[[VB]],
// CHECK-NEXT: return

// 1 − lr·weight_decay = 1 − 0.01·0.01.
// ADAMW-LABEL: func.func @loss_train_step(
// ADAMW-SAME: %[[W:[a-z0-9]+]]: tensor<2x3xf32> {nn.param},
// ADAMW-SAME: nn.optimizer = "adamw:lr=0.01,beta1=0.9,beta2=0.999,eps=1e-08,weight_decay=0.01"
// ADAMW-DAG: %[[DECAY:.*]] = arith.constant dense<0.999899983> : tensor<f32>
// ADAMW: %[[DECAYED:.*]] = nn.mul %[[W]], %[[DECAY]]
// ADAMW: %[[NEWW:.*]] = nn.sub %[[DECAYED]],
// ADAMW: nn.assign %[[W]], %[[NEWW]]
