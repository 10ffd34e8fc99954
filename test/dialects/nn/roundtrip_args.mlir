// RUN: nnc-opt %s -split-input-file | nnc-opt -split-input-file | FileCheck %s

// Tests that parameters carry every initializer name.
// CHECK-LABEL: func.func @forward(
// CHECK-SAME: %{{.*}}: tensor<?x784xf32>,
// CHECK-SAME: %{{.*}}: tensor<4xf32> {nn.init = "zeros", nn.param},
// CHECK-SAME: %{{.*}}: tensor<4xf32> {nn.init = "ones", nn.param},
// CHECK-SAME: %{{.*}}: tensor<4xf32> {nn.init = "normal", nn.param},
// CHECK-SAME: %{{.*}}: tensor<4xf32> {nn.init = "uniform", nn.param},
// CHECK-SAME: %{{.*}}: tensor<4x784xf32> {nn.init = "xavier_uniform", nn.param},
// CHECK-SAME: %{{.*}}: tensor<4x784xf32> {nn.init = "xavier_normal", nn.param},
// CHECK-SAME: %{{.*}}: tensor<4x784xf32> {nn.init = "he_uniform", nn.param},
// CHECK-SAME: %{{.*}}: tensor<4x784xf32> {nn.init = "he_normal", nn.param},
// CHECK-SAME: %{{.*}}: tensor<4x784xbf16> {nn.param})
func.func @forward(%x: tensor<?x784xf32>,
                   %a: tensor<4xf32> {nn.param, nn.init = "zeros"},
                   %b: tensor<4xf32> {nn.param, nn.init = "ones"},
                   %c: tensor<4xf32> {nn.param, nn.init = "normal"},
                   %d: tensor<4xf32> {nn.param, nn.init = "uniform"},
                   %e: tensor<4x784xf32> {nn.param, nn.init = "xavier_uniform"},
                   %f: tensor<4x784xf32> {nn.param, nn.init = "xavier_normal"},
                   %g: tensor<4x784xf32> {nn.param, nn.init = "he_uniform"},
                   %h: tensor<4x784xf32> {nn.param, nn.init = "he_normal"},
                   %i: tensor<4x784xbf16> {nn.param}) {
  return
}

// -----

// Tests that running statistics are state, optionally initialized.
// CHECK-LABEL: func.func @batch_norm_state(
// CHECK-SAME: %{{.*}}: tensor<16xf32> {nn.init = "zeros", nn.state},
// CHECK-SAME: %{{.*}}: tensor<16xf32> {nn.init = "ones", nn.state},
// CHECK-SAME: %{{.*}}: tensor<16xf32> {nn.state})
func.func @batch_norm_state(%mean: tensor<16xf32> {nn.state, nn.init = "zeros"},
                            %var: tensor<16xf32> {nn.state, nn.init = "ones"},
                            %other: tensor<16xf32> {nn.state}) {
  return
}

// -----

// Tests that a train step's optimizer state names its slot and its param,
// the step count only its slot, and the function records its optimizer.
// CHECK-LABEL: func.func @loss_train_step(
// CHECK-SAME: %{{.*}}: tensor<4xf32> {nn.param},
// CHECK-SAME: %{{.*}}: tensor<4xf32> {nn.opt_param = 0 : i64, nn.opt_state = "exp_avg"},
// CHECK-SAME: %{{.*}}: tensor<f32> {nn.opt_state = "step"})
// CHECK-SAME: attributes {nn.optimizer = "adam:lr=0.001,beta1=0.9,beta2=0.999,eps=1e-08,weight_decay=0"}
func.func @loss_train_step(%w: tensor<4xf32> {nn.param},
                           %m: tensor<4xf32> {nn.opt_state = "exp_avg", nn.opt_param = 0 : i64},
                           %step: tensor<f32> {nn.opt_state = "step"})
    attributes {nn.optimizer = "adam:lr=0.001,beta1=0.9,beta2=0.999,eps=1e-08,weight_decay=0"} {
  return
}
