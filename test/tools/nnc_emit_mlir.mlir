// Tests that nnc --emit=mlir prints the module after the MLIR pipeline: only
// LLVM-dialect functions, each entry with its _mlir_ciface_ wrapper and its
// arena sizes, and no nn op left.

// RUN: nnc %S/Inputs/linear_relu.mlir --emit=mlir | FileCheck %s
// RUN: rm -rf %t && mkdir %t
// RUN: nnc %S/Inputs/linear_relu.mlir --emit=mlir -o %t/lowered.mlir
// RUN: FileCheck %s < %t/lowered.mlir
// RUN: ls %t | count 1

// CHECK-NOT:  nn.
// CHECK:      llvm.func @forward(
// CHECK-SAME:   nnc.arena_bytes = {{[0-9]+}} : i64, nnc.arena_bytes_per_batch = {{[0-9]+}} : i64
// CHECK:      llvm.func @_mlir_ciface_forward(
// CHECK:        llvm.call @forward(
// CHECK-NOT:  func.func
// CHECK-NOT:  {{ nn\.}}
