// RUN: nnc-opt %s -split-input-file -verify-diagnostics --nn-autodiff=function=f

// Tests that the function to differentiate must return a scalar f32 loss.
// expected-error @+1 {{@f must return one scalar tensor<f32> loss, got (tensor<?x10xf32>)}}
func.func @f(%x: tensor<?x10xf32>, %w: tensor<10xf32> {nn.param}) -> tensor<?x10xf32> {
  %y = nn.mul %x, %w : tensor<?x10xf32>, tensor<10xf32>
  return %y : tensor<?x10xf32>
}

// -----

// Tests that a loss function returns exactly one value.
// expected-error @+1 {{@f must return one scalar tensor<f32> loss, got (tensor<f32>, tensor<f32>)}}
func.func @f(%w: tensor<3xf32> {nn.param}) -> (tensor<f32>, tensor<f32>) {
  %l = nn.reduce_sum %w : tensor<3xf32>
  return %l, %l : tensor<f32>, tensor<f32>
}

// -----

// Tests that a declaration cannot be differentiated.
// expected-error @+1 {{@f has no single-block body and cannot be differentiated}}
func.func private @f(%w: tensor<3xf32> {nn.param}) -> tensor<f32>

// -----

// Tests that an op on the path from a param to the loss without a VJP rule
// is reported at the op, by name.
func.func @f(%x: tensor<?x1x8x8xf32>, %w: tensor<4x1x3x3xf32> {nn.param}) -> tensor<f32> {
  // expected-error @+1 {{op 'nn.conv2d' has no VJP rule yet}}
  %y = nn.conv2d %x, %w : tensor<?x1x8x8xf32>, tensor<4x1x3x3xf32>
  %l = nn.reduce_mean %y : tensor<?x4x6x6xf32>
  return %l : tensor<f32>
}

// -----

// Tests that an op without a rule off the path from the params is fine:
// pooling the input needs no gradient.
func.func @f(%x: tensor<?x1x8x8xf32>, %w: tensor<1x4x4xf32> {nn.param}) -> tensor<f32> {
  %p = nn.max_pool2d %x {kernel = array<i64: 2, 2>} : tensor<?x1x8x8xf32>
  %y = nn.mul %p, %w : tensor<?x1x4x4xf32>, tensor<1x4x4xf32>
  %l = nn.reduce_sum %y : tensor<?x1x4x4xf32>
  return %l : tensor<f32>
}

// -----

// Tests that a dropout on the path is reported (phase 2) rather than
// silently passed through.
func.func @f(%x: tensor<?x4xf32>, %seed: tensor<i64>, %w: tensor<4xf32> {nn.param}) -> tensor<f32> {
  %h = nn.mul %x, %w : tensor<?x4xf32>, tensor<4xf32>
  // expected-error @+1 {{op 'nn.dropout' has no VJP rule yet}}
  %d = nn.dropout %h, %seed {training = true} : tensor<?x4xf32>, tensor<i64>
  %l = nn.reduce_sum %d : tensor<?x4xf32>
  return %l : tensor<f32>
}

// -----

// Tests that recursion cannot be differentiated through.
func.func @f(%w: tensor<3xf32> {nn.param}) -> tensor<f32> {
  // expected-error @+1 {{'func.call' op calls '@f' recursively, which cannot be differentiated}}
  %l = call @f(%w) : (tensor<3xf32>) -> tensor<f32>
  return %l : tensor<f32>
}

// -----

// Tests that a call of a declaration cannot be differentiated through.
func.func private @external(tensor<3xf32>) -> tensor<f32>
func.func @f(%w: tensor<3xf32> {nn.param}) -> tensor<f32> {
  // expected-error @+1 {{'func.call' op calls '@external', which has no single-block body to differentiate through}}
  %l = call @external(%w) : (tensor<3xf32>) -> tensor<f32>
  return %l : tensor<f32>
}

// -----

// Tests that an existing @f_grad is not overwritten.
// expected-error @+1 {{cannot add @f_grad: the module already defines it}}
func.func @f(%w: tensor<3xf32> {nn.param}) -> tensor<f32> {
  %l = nn.reduce_sum %w : tensor<3xf32>
  return %l : tensor<f32>
}
func.func @f_grad() {
  return
}

// -----

// Tests that concat along a dynamic axis cannot be sliced back.
func.func @f(%x: tensor<?x3xf32>, %w: tensor<3xf32> {nn.param}) -> tensor<f32> {
  %h = nn.mul %x, %w : tensor<?x3xf32>, tensor<3xf32>
  // expected-error @+1 {{'nn.concat' op cannot be differentiated: input #0 has a dynamic size along the concatenated axis 0}}
  %c = nn.concat %h, %x {axis = 0 : i64} : tensor<?x3xf32>, tensor<?x3xf32>
  %l = nn.reduce_sum %c : tensor<?x3xf32>
  return %l : tensor<f32>
}
