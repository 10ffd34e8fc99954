// RUN: nnc-opt %s -convert-nn-to-linalg -split-input-file -verify-diagnostics

// Tests that broadcast_to reports a dynamic result size that the input does
// not have, since nothing else gives it at run time.

func.func @broadcast_unknown_batch(%x: tensor<10xf32>) -> tensor<?x10xf32> {
  // expected-error@+2 {{cannot be lowered: a dynamic result size is not a size of the input, so nothing determines it}}
  // expected-error@+1 {{failed to legalize operation 'nn.broadcast_to'}}
  %0 = nn.broadcast_to %x : tensor<10xf32> -> tensor<?x10xf32>
  return %0 : tensor<?x10xf32>
}
