// Tests that nnc --emit=obj writes an object file that defines
// nnc_model_descriptor, and --emit=asm the matching assembly (to stdout
// without -o).

// RUN: rm -rf %t && mkdir %t
// RUN: nnc %S/Inputs/linear_relu.mlir --emit=obj -o %t/relu.o
// RUN: nm --defined-only %t/relu.o | FileCheck %s --check-prefix=OBJ
// OBJ: T nnc_model_descriptor

// RUN: nnc %S/Inputs/linear_relu.mlir --emit=asm | FileCheck %s --check-prefix=ASM
// RUN: nnc %S/Inputs/linear_relu.mlir --emit=asm -o %t/relu.s
// RUN: FileCheck %s --check-prefix=ASM < %t/relu.s
// ASM: .globl nnc_model_descriptor
// ASM: nnc_model_descriptor:

// The object links into a working library.
// RUN: clang-19 -shared %t/relu.o -o %t/relu.so -fopenmp -lm
// RUN: %python -c "import numpy as np; \
// RUN:   np.save('%t/x.npy', np.array([[2, 3]], np.float32)); \
// RUN:   np.save('%t/w.npy', np.array([[1, 0], [0, 1], [1, 1]], np.float32)); \
// RUN:   np.save('%t/b.npy', np.array([0, 0, -1], np.float32))"
// RUN: nnc-run %t/relu.so --input=%t/x.npy --input=%t/w.npy --input=%t/b.npy \
// RUN:   --output=%t/y.npy
// RUN: %python %S/Inputs/expect_npy.py %t/y.npy float32 "[[2, 3, 4]]" 0 0
