// RUN: nnc-opt %s -split-input-file -verify-diagnostics

// Tests that nn.assign updates arguments, not computed values.
func.func @assign_value(%w: tensor<4xf32>) {
  %n = nn.neg %w : tensor<4xf32>
  // expected-error @+1 {{'nn.assign' op target must be an argument of the enclosing function}}
  "nn.assign"(%n, %w) : (tensor<4xf32>, tensor<4xf32>) -> ()
  return
}

// -----

// Tests that the value has the argument's type.
func.func @assign_type(%w: tensor<4xf32>, %v: tensor<3xf32>) {
  // expected-error @+1 {{'nn.assign' op failed to verify that all of {target, value} have same type}}
  "nn.assign"(%w, %v) : (tensor<4xf32>, tensor<3xf32>) -> ()
  return
}

// -----

// Tests that an argument is assigned at most once.
func.func @assign_twice(%w: tensor<4xf32>, %v: tensor<4xf32>) {
  // expected-note @+1 {{first assigned here}}
  "nn.assign"(%w, %v) : (tensor<4xf32>, tensor<4xf32>) -> ()
  // expected-error @+1 {{'nn.assign' op argument #0 is assigned more than once}}
  "nn.assign"(%w, %w) : (tensor<4xf32>, tensor<4xf32>) -> ()
  return
}

// -----

// Tests that only a statically shaped argument is assigned.
func.func @assign_dynamic(%w: tensor<?xf32>, %v: tensor<?xf32>) {
  // expected-error @+1 {{'nn.assign' op target argument #0 has type 'tensor<?xf32>'; only a statically shaped argument can be assigned (its buffer size must not depend on the call)}}
  "nn.assign"(%w, %v) : (tensor<?xf32>, tensor<?xf32>) -> ()
  return
}

// -----

// Tests that nn.assign sits directly in a function.
func.func @assign_nested(%w: tensor<4xf32>, %c: i1) {
  scf.if %c {
    // expected-error @+1 {{'nn.assign' op expects parent op 'func.func'}}
    "nn.assign"(%w, %w) : (tensor<4xf32>, tensor<4xf32>) -> ()
  }
  return
}
