// RUN: nnc-opt %s -split-input-file -verify-diagnostics

// Tests that nn.init names a known initializer.
// expected-error @+1 {{'func.func' op argument 0: unknown initializer 'kaiming' (expected one of zeros, ones, normal, uniform, xavier_uniform, xavier_normal, he_uniform, he_normal)}}
func.func @unknown_init(%w: tensor<4x4xf32> {nn.param, nn.init = "kaiming"}) {
  return
}

// -----

// Tests that nn.init is a string.
// expected-error @+1 {{'func.func' op argument 1: 'nn.init' must be a string}}
func.func @init_not_string(%x: tensor<4xf32>, %w: tensor<4x4xf32> {nn.param, nn.init = 1 : i64}) {
  return
}

// -----

// Tests that nn.init needs an argument the driver allocates.
// expected-error @+1 {{'func.func' op argument 0: 'nn.init' needs 'nn.param' or 'nn.state'}}
func.func @init_without_param(%w: tensor<4x4xf32> {nn.init = "zeros"}) {
  return
}

// -----

// Tests that nn.param is a unit attribute.
// expected-error @+1 {{'func.func' op argument 0: 'nn.param' must be a unit attribute}}
func.func @param_not_unit(%w: tensor<4x4xf32> {nn.param = true}) {
  return
}

// -----

// Tests that nn.state is a unit attribute.
// expected-error @+1 {{'func.func' op argument 0: 'nn.state' must be a unit attribute}}
func.func @state_not_unit(%w: tensor<4xf32> {nn.state = "running_mean"}) {
  return
}

// -----

// Tests that parameters are float tensors.
// expected-error @+1 {{'func.func' op argument 0: 'nn.param' needs a statically shaped float tensor, got 'tensor<4xi64>'}}
func.func @param_int(%w: tensor<4xi64> {nn.param}) {
  return
}

// -----

// Tests that parameters have a static shape.
// expected-error @+1 {{'func.func' op argument 2: 'nn.param' needs a statically shaped float tensor, got 'tensor<?x10xf32>'}}
func.func @param_dynamic(%x: tensor<?x784xf32>, %w1: tensor<10x784xf32> {nn.param}, %w2: tensor<?x10xf32> {nn.param}) {
  return
}

// -----

// Tests that parameters are tensors.
// expected-error @+1 {{'func.func' op argument 0: 'nn.param' needs a statically shaped float tensor, got 'f32'}}
func.func @param_scalar(%w: f32 {nn.param}) {
  return
}

// -----

// Tests that state is a static float tensor too.
// expected-error @+1 {{'func.func' op argument 0: 'nn.state' needs a statically shaped float tensor, got 'tensor<*xf32>'}}
func.func @state_unranked(%s: tensor<*xf32> {nn.state}) {
  return
}

// -----

// Tests that an argument is trainable or state, not both.
// expected-error @+1 {{'func.func' op argument 0 cannot be both 'nn.param' and 'nn.state'}}
func.func @param_and_state(%w: tensor<16xf32> {nn.param, nn.state}) {
  return
}

// -----

// Tests that misspelled nn argument attributes are errors, not ignored.
// expected-error @+1 {{'func.func' op argument 0: unknown nn argument attribute 'nn.parameter' (expected nn.param, nn.state, nn.init, nn.opt_state, nn.opt_param or nn.name)}}
func.func @unknown_arg_attr(%w: tensor<4xf32> {nn.parameter}) {
  return
}

// -----

// Tests that an argument's name is a string.
// expected-error @+1 {{'func.func' op argument 0: 'nn.name' must be a non-empty string}}
func.func @name_not_string(%w: tensor<4xf32> {nn.param, nn.name = 3 : i64}) {
  return
}

// -----

// Tests that an argument's name is not empty.
// expected-error @+1 {{'func.func' op argument 0: 'nn.name' must be a non-empty string}}
func.func @name_empty(%w: tensor<4xf32> {nn.param, nn.name = ""}) {
  return
}

// -----

// Tests that an argument's name is printable (it ends up in files).
// expected-error @+1 {{'func.func' op argument 0: 'nn.name' must hold printable characters only}}
func.func @name_control_char(%x: tensor<4xf32> {nn.name = "a\0Ab"}) {
  return
}

// -----

// Tests that roles belong to arguments, not results.
// expected-error @+1 {{'func.func' op result 0: 'nn.param' is only valid on function arguments}}
func.func @param_on_result(%w: tensor<4xf32>) -> (tensor<4xf32> {nn.param}) {
  return %w : tensor<4xf32>
}

// -----

// Tests that an optimizer-state slot is a non-empty string.
// expected-error @+1 {{'func.func' op argument 1: 'nn.opt_state' must be a non-empty string (the slot)}}
func.func @opt_state_not_string(%w: tensor<4xf32> {nn.param}, %m: tensor<4xf32> {nn.opt_state = 1 : i64}) {
  return
}

// -----

// Tests that optimizer state is a static float tensor.
// expected-error @+1 {{'func.func' op argument 0: 'nn.opt_state' needs a statically shaped float tensor, got 'tensor<?xf32>'}}
func.func @opt_state_dynamic(%m: tensor<?xf32> {nn.opt_state = "sum"}) {
  return
}

// -----

// Tests that optimizer state is neither a param nor running statistics.
// expected-error @+1 {{'func.func' op argument 0 cannot be both 'nn.opt_state' and a param or state}}
func.func @opt_state_and_param(%m: tensor<4xf32> {nn.opt_state = "sum", nn.param}) {
  return
}

// -----

// Tests that the param index of optimizer state is an i64.
// expected-error @+1 {{'func.func' op argument 1: 'nn.opt_param' must be an i64}}
func.func @opt_param_not_i64(%w: tensor<4xf32> {nn.param}, %m: tensor<4xf32> {nn.opt_state = "sum", nn.opt_param = 0 : i32}) {
  return
}

// -----

// Tests that nn.opt_param belongs to optimizer state.
// expected-error @+1 {{'func.func' op argument 1: 'nn.opt_param' needs 'nn.opt_state'}}
func.func @opt_param_without_state(%w: tensor<4xf32> {nn.param}, %m: tensor<4xf32> {nn.opt_param = 0 : i64}) {
  return
}

// -----

// Tests that nn.opt_param names an nn.param argument.
// expected-error @+1 {{'func.func' op argument 1: 'nn.opt_param' = 0 does not name an nn.param argument}}
func.func @opt_param_not_a_param(%x: tensor<4xf32>, %m: tensor<4xf32> {nn.opt_state = "sum", nn.opt_param = 0 : i64}) {
  return
}

// -----

// Tests that nn.opt_param is within the arguments.
// expected-error @+1 {{'func.func' op argument 0: 'nn.opt_param' = 5 does not name an nn.param argument}}
func.func @opt_param_out_of_range(%m: tensor<4xf32> {nn.opt_state = "sum", nn.opt_param = 5 : i64}) {
  return
}

// -----

// Tests that optimizer state has its param's type.
// expected-error @+1 {{'func.func' op argument 1 has type 'tensor<3xf32>' but its param (argument 0) has type 'tensor<4xf32>'}}
func.func @opt_state_type(%w: tensor<4xf32> {nn.param}, %m: tensor<3xf32> {nn.opt_state = "sum", nn.opt_param = 0 : i64}) {
  return
}

// -----

// Tests that the optimizer record is a string.
// expected-error @+1 {{'func.func' op 'nn.optimizer' must be a string on a function}}
func.func @optimizer_not_string() attributes {nn.optimizer = 1 : i64} {
  return
}

// -----

// Tests that misspelled nn attributes on ops are errors, not ignored.
// expected-error @+1 {{'func.func' op unknown nn attribute 'nn.optimiser' (expected nn.optimizer on a function)}}
func.func @unknown_op_attr() attributes {nn.optimiser = "sgd"} {
  return
}
