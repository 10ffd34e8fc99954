// RUN: nnc-opt %s --nn-train-step="function=loss optimizer=sgd:lr=0.5" | FileCheck %s
// RUN: nnc-opt %s --nn-train-step="function=loss optimizer=sgd:lr=0.5,momentum=0.9,weight_decay=0.25" | FileCheck %s --check-prefix=MOMENTUM

// Tests that sgd's train step of a linear layer under an MSE loss keeps F's
// arguments (no optimizer state without momentum), subtracts lr times the
// gradient from each param, assigns the results to the params in place,
// returns the loss alone and records the resolved optimizer; and that with
// momentum and weight decay each param gets a momentum buffer,
// buf = 0.9·buf + (g + 0.25·p), p = p − 0.5·buf.

func.func @loss(%x: tensor<?x3xf32>, %t: tensor<?x2xf32>,
                %w: tensor<2x3xf32> {nn.param, nn.init = "xavier_uniform"},
                %b: tensor<2xf32> {nn.param, nn.init = "zeros"}) -> tensor<f32> {
  %z = nn.linear %x, %w : tensor<?x3xf32>, tensor<2x3xf32>
  %y = nn.bias_add %z, %b : tensor<?x2xf32>, tensor<2xf32>
  %l = nn.mse_loss %y, %t : tensor<?x2xf32>, tensor<?x2xf32>
  return %l : tensor<f32>
}

// F itself is left alone.
// CHECK-LABEL: func.func @loss(
// CHECK-NOT: nn.assign
// CHECK: return

// CHECK-LABEL: func.func @loss_train_step(
// CHECK-SAME: %[[X:[a-z0-9]+]]: tensor<?x3xf32>, %[[T:[a-z0-9]+]]: tensor<?x2xf32>,
// CHECK-SAME: %[[W:[a-z0-9]+]]: tensor<2x3xf32> {nn.init = "xavier_uniform", nn.param},
// CHECK-SAME: %[[B:[a-z0-9]+]]: tensor<2xf32> {nn.init = "zeros", nn.param}) -> tensor<f32>
// CHECK-SAME: attributes {nn.optimizer = "sgd:lr=0.5,momentum=0,nesterov=false,weight_decay=0"}
// CHECK-DAG: %[[LR:.*]] = arith.constant dense<5.000000e-01> : tensor<f32>
// CHECK: %[[LOSS:.*]] = nn.mse_loss
// CHECK: %[[DB:.*]] = nn.reduce_sum %{{.*}} {axes = array<i64: 0>}
// CHECK: %[[DW:.*]] = nn.matmul %{{.*}}, %[[X]] {transpose_a = true}
// CHECK: %[[STEPW:.*]] = nn.mul %[[DW]], %[[LR]]
// CHECK: %[[NEWW:.*]] = nn.sub %[[W]], %[[STEPW]]
// CHECK: nn.assign %[[W]], %[[NEWW]] : tensor<2x3xf32>
// CHECK: %[[STEPB:.*]] = nn.mul %[[DB]], %[[LR]]
// CHECK: %[[NEWB:.*]] = nn.sub %[[B]], %[[STEPB]]
// CHECK: nn.assign %[[B]], %[[NEWB]] : tensor<2xf32>
// CHECK-NEXT: return %[[LOSS]] : tensor<f32>

// MOMENTUM-LABEL: func.func @loss_train_step(
// MOMENTUM-SAME: %[[W:[a-z0-9]+]]: tensor<2x3xf32> {nn.init = "xavier_uniform", nn.param},
// MOMENTUM-SAME: %[[B:[a-z0-9]+]]: tensor<2xf32> {nn.init = "zeros", nn.param},
// MOMENTUM-SAME: %[[BUFW:[a-z0-9]+]]: tensor<2x3xf32> {nn.opt_param = 2 : i64, nn.opt_state = "momentum_buffer"},
// MOMENTUM-SAME: %[[BUFB:[a-z0-9]+]]: tensor<2xf32> {nn.opt_param = 3 : i64, nn.opt_state = "momentum_buffer"}) -> tensor<f32>
// MOMENTUM-SAME: nn.optimizer = "sgd:lr=0.5,momentum=0.9,nesterov=false,weight_decay=0.25"
// MOMENTUM-DAG: %[[LR:.*]] = arith.constant dense<5.000000e-01> : tensor<f32>
// MOMENTUM-DAG: %[[MU:.*]] = arith.constant dense<0.899999976> : tensor<f32>
// MOMENTUM-DAG: %[[WD:.*]] = arith.constant dense<2.500000e-01> : tensor<f32>
// MOMENTUM: %[[DW:.*]] = nn.matmul
// MOMENTUM: %[[DECAY:.*]] = nn.mul %[[W]], %[[WD]]
// MOMENTUM: %[[D:.*]] = nn.add %[[DW]], %[[DECAY]]
// MOMENTUM: %[[OLD:.*]] = nn.mul %[[BUFW]], %[[MU]]
// MOMENTUM: %[[BUF:.*]] = nn.add %[[OLD]], %[[D]]
// MOMENTUM: %[[STEP:.*]] = nn.mul %[[BUF]], %[[LR]]
// MOMENTUM: %[[NEWW:.*]] = nn.sub %[[W]], %[[STEP]]
// MOMENTUM: nn.assign %[[W]], %[[NEWW]]
// MOMENTUM: nn.assign %[[BUFW]], %[[BUF]]
// MOMENTUM: nn.assign %[[B]],
// MOMENTUM: nn.assign %[[BUFB]],
// MOMENTUM-NEXT: return
