// Tests that nnc --emit=llvm prints the optimized LLVM IR, in which every
// entry has an invoker and nnc_model_descriptor is the one function that is
// not internal.

// RUN: nnc %S/Inputs/logic.mlir --emit=llvm | FileCheck %s
// RUN: nnc %S/Inputs/logic.mlir --emit=llvm | grep '^define' \
// RUN:   | grep -v ' internal ' | FileCheck %s --check-prefix=EXPORTED
// RUN: nnc %S/Inputs/logic.mlir --emit=llvm | grep '^define' \
// RUN:   | grep -v ' internal ' | count 1
// RUN: rm -rf %t && mkdir %t
// RUN: nnc %S/Inputs/logic.mlir --emit=llvm -O0 -o %t/logic.ll
// RUN: FileCheck %s < %t/logic.ll
// RUN: ls %t | count 1

// CHECK:     target triple = "{{.*}}"
// CHECK-DAG: define internal {{.*}}@nnc_invoke_gates(
// CHECK-DAG: define internal {{.*}}@nnc_invoke_xnor(
// CHECK-DAG: define {{.*}}ptr @nnc_model_descriptor()
// EXPORTED:  define {{.*}}@nnc_model_descriptor()
