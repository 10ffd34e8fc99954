// RUN: nnc-opt %s -split-input-file | nnc-opt -split-input-file | FileCheck %s
// RUN: nnc-opt %s -split-input-file -mlir-print-op-generic | nnc-opt -split-input-file | FileCheck %s

// Tests that nn.assign round-trips in custom and generic form.
// CHECK-LABEL: func.func @step(
// CHECK-SAME: %[[W:.*]]: tensor<4x2xf32> {nn.param}, %[[G:.*]]: tensor<4x2xf32>)
// CHECK: %[[NEW:.*]] = nn.sub %[[W]], %[[G]]
// CHECK: nn.assign %[[W]], %[[NEW]] : tensor<4x2xf32>
func.func @step(%w: tensor<4x2xf32> {nn.param}, %g: tensor<4x2xf32>) {
  %new = nn.sub %w, %g : tensor<4x2xf32>, tensor<4x2xf32>
  nn.assign %w, %new : tensor<4x2xf32>
  return
}

// -----

// Tests that nn.assign has an effect: canonicalization keeps it though
// nothing uses it, and reads of the argument keep the old value.
// RUN: nnc-opt %s -split-input-file -canonicalize | FileCheck %s --check-prefix=CANON
// CANON-LABEL: func.func @kept(
// CANON: nn.assign
// CANON: return %arg0
func.func @kept(%w: tensor<4xf32> {nn.param}) -> tensor<4xf32> {
  %new = nn.neg %w : tensor<4xf32>
  nn.assign %w, %new : tensor<4xf32>
  return %w : tensor<4xf32>
}

// -----

// Tests that assigning an argument its own value is dropped.
// CANON-LABEL: func.func @self(
// CANON-NOT: nn.assign
func.func @self(%w: tensor<4xf32> {nn.param}) {
  nn.assign %w, %w : tensor<4xf32>
  return
}
