// Tests that nnc check-grad reports bad use and gradients beyond the
// tolerance with a clear error and a non-zero exit.

// RUN: not nnc check-grad %s 2>&1 | FileCheck %s --check-prefix=NOFUNC
// NOFUNC: nnc: error: check-grad: no --function given
// NOFUNC: usage: nnc check-grad MODEL.mlir --function=F

// RUN: not nnc check-grad %s --function=loss --bogus=1 2>&1 | FileCheck %s --check-prefix=OPTION
// OPTION: nnc: error: check-grad: unknown option '--bogus=1'

// RUN: not nnc check-grad %s --function=loss --batch=0 2>&1 | FileCheck %s --check-prefix=BATCH
// BATCH: nnc: error: check-grad: bad argument '--batch=0'

// RUN: not nnc check-grad %S/does_not_exist.mlir --function=loss 2>&1 | FileCheck %s --check-prefix=MISSING
// MISSING: error: {{.*}}does_not_exist.mlir

// RUN: not nnc check-grad %s --function=nope 2>&1 | FileCheck %s --check-prefix=UNKNOWN
// UNKNOWN: error: no function named '@nope' to differentiate (available: @loss, @logits, @scaled)

// RUN: not nnc check-grad %s --function=logits 2>&1 | FileCheck %s --check-prefix=NOTSCALAR
// NOTSCALAR: check_grad_errors.mlir:{{[0-9]+}}:1: error: @logits must return one scalar tensor<f32> loss, got (tensor<?x3xf32>)

// RUN: not nnc check-grad %s --function=scaled 2>&1 | FileCheck %s --check-prefix=NORULE
// NORULE: check_grad_errors.mlir:{{[0-9]+}}:8: error: op 'arith.mulf' has no VJP rule yet

// A tolerance below the rounding of central differences fails the check.
// RUN: not nnc check-grad %s --function=loss --tolerance=1e-16 > %t.out 2> %t.err
// RUN: FileCheck %s --check-prefix=TIGHT < %t.out
// RUN: FileCheck %s --check-prefix=TIGHT-ERR < %t.err
// TIGHT: param #0 (argument #1, tensor<3x3xf32>): 9 elements, max abs error {{.*}}  FAILED
// TIGHT-NEXT: elements exceed the tolerance; element {{[0-9]+}}: symbolic {{.*}}, numerical
// TIGHT-ERR: nnc: error: check-grad @loss: 1 of 1 params have gradients beyond the tolerance 1e-16

func.func @loss(%x: tensor<?x3xf32>, %w: tensor<3x3xf32> {nn.param}) -> tensor<f32> {
  %y = nn.linear %x, %w : tensor<?x3xf32>, tensor<3x3xf32>
  %t = nn.tanh %y : tensor<?x3xf32>
  %l = nn.reduce_sum %t : tensor<?x3xf32>
  return %l : tensor<f32>
}

func.func @logits(%x: tensor<?x3xf32>, %w: tensor<3x3xf32> {nn.param}) -> tensor<?x3xf32> {
  %y = nn.linear %x, %w : tensor<?x3xf32>, tensor<3x3xf32>
  return %y : tensor<?x3xf32>
}

func.func @scaled(%x: tensor<3xf32>, %w: tensor<3xf32> {nn.param}) -> tensor<f32> {
  %y = arith.mulf %x, %w : tensor<3xf32>
  %l = nn.reduce_sum %y : tensor<3xf32>
  return %l : tensor<f32>
}
