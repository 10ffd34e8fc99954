// Tests that nn-autodiff reports a missing or unknown function by name,
// listing the functions the module has.

// RUN: not nnc-opt %s --nn-autodiff=function=missing 2>&1 | FileCheck %s --check-prefix=UNKNOWN
// UNKNOWN: error: no function named '@missing' to differentiate (available: @loss)

// RUN: not nnc-opt %s --nn-autodiff 2>&1 | FileCheck %s --check-prefix=NOFUNC
// NOFUNC: error: nn-autodiff needs the option function=F (the loss function to differentiate)

func.func @loss(%w: tensor<3xf32> {nn.param}) -> tensor<f32> {
  %l = nn.reduce_sum %w : tensor<3xf32>
  return %l : tensor<f32>
}
