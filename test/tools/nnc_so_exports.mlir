// Tests that a compiled model exports exactly one symbol,
// nnc_model_descriptor, and depends on no LLVM or MLIR library.

// RUN: rm -rf %t && mkdir %t
// RUN: nnc %S/Inputs/logic.mlir -o %t/logic.so
// RUN: nm -D --defined-only %t/logic.so | FileCheck %s
// RUN: nm -D --defined-only %t/logic.so | count 1
// CHECK: T nnc_model_descriptor

// RUN: ldd %t/logic.so | FileCheck %s --check-prefix=LDD
// LDD-NOT: libLLVM
// LDD-NOT: libMLIR
// LDD:     libc.so
// LDD-NOT: libLLVM
// LDD-NOT: libMLIR
