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
func.func @f(%x: tensor<4xf32>, %w: tensor<4xf32> {nn.param}) -> tensor<f32> {
  // expected-error @+1 {{op 'arith.mulf' has no VJP rule yet}}
  %y = arith.mulf %x, %w : tensor<4xf32>
  %l = nn.reduce_sum %y : tensor<4xf32>
  return %l : tensor<f32>
}

// -----

// Tests that an op without a rule off the path from the params is fine:
// scaling the input needs no gradient.
func.func @f(%x: tensor<4xf32>, %s: tensor<4xf32>, %w: tensor<4xf32> {nn.param}) -> tensor<f32> {
  %p = arith.mulf %x, %s : tensor<4xf32>
  %y = nn.mul %p, %w : tensor<4xf32>, tensor<4xf32>
  %l = nn.reduce_sum %y : tensor<4xf32>
  return %l : tensor<f32>
}

// -----

// Tests that conv2d needs a static input height and width: its input
// gradient takes them as an attribute.
func.func @f(%x: tensor<1x1x?x8xf32>, %w: tensor<4x1x3x3xf32> {nn.param}) -> tensor<f32> {
  // expected-error @+1 {{'nn.conv2d' op cannot be differentiated with a dynamic input height or width, got 'tensor<1x1x?x8xf32>'}}
  %y = nn.conv2d %x, %w : tensor<1x1x?x8xf32>, tensor<4x1x3x3xf32>
  %l = nn.reduce_sum %y : tensor<1x4x?x6xf32>
  return %l : tensor<f32>
}

// -----

// Tests that max_pool2d needs a static input height and width.
func.func @f(%x: tensor<?x1x?x?xf32>, %w: tensor<1x1x1x1xf32> {nn.param}) -> tensor<f32> {
  %s = nn.mul %x, %w : tensor<?x1x?x?xf32>, tensor<1x1x1x1xf32>
  // expected-error @+1 {{'nn.max_pool2d' op cannot be differentiated with a dynamic input height or width, got 'tensor<?x1x?x?xf32>'}}
  %p = nn.max_pool2d %s {kernel = array<i64: 2, 2>} : tensor<?x1x?x?xf32>
  %l = nn.reduce_sum %p : tensor<?x1x?x?xf32>
  return %l : tensor<f32>
}

// -----

// Tests that batch_norm's running statistics carry no gradient: a loss
// computed from new_mean is rejected at the op.
func.func @f(%x: tensor<4x3xf32>, %g: tensor<3xf32> {nn.param}, %b: tensor<3xf32> {nn.param}, %m: tensor<3xf32> {nn.state}, %v: tensor<3xf32> {nn.state}) -> tensor<f32> {
  %s = nn.mul %x, %g : tensor<4x3xf32>, tensor<3xf32>
  // expected-error @+1 {{'nn.batch_norm' op cannot be differentiated through its running statistics: only result 'y' may reach the loss}}
  %y, %nm, %nv = nn.batch_norm %s, %g, %b, %m, %v {training = true} : tensor<4x3xf32>, tensor<3xf32>, tensor<3xf32>, tensor<3xf32>, tensor<3xf32>
  %l = nn.reduce_sum %nm : tensor<3xf32>
  return %l : tensor<f32>
}

// -----

// Tests that lrn needs static sizes but the batch: its gradient views x
// as [N, 1, C, rest].
func.func @f(%x: tensor<2x?x4xf32>, %w: tensor<4xf32> {nn.param}) -> tensor<f32> {
  %s = nn.mul %x, %w : tensor<2x?x4xf32>, tensor<4xf32>
  // expected-error @+1 {{'nn.lrn' op cannot be differentiated with a dynamic size other than the batch, got 'tensor<2x?x4xf32>'}}
  %y = nn.lrn %s {size = 3 : i64} : tensor<2x?x4xf32>
  %l = nn.reduce_sum %y : tensor<2x?x4xf32>
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
