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
