// Tests that --cpu and --cpu-features choose the code generated, and that
// the library still computes the right values.

// RUN: rm -rf %t && mkdir %t
// RUN: %python -c "import numpy as np; \
// RUN:   np.save('%t/x.npy', np.array([[2, 3], [-1, 1]], np.float32)); \
// RUN:   np.save('%t/w.npy', np.array([[1, 0], [0, 1], [1, 1]], np.float32)); \
// RUN:   np.save('%t/b.npy', np.array([0, 0, -1], np.float32))"

// A baseline x86-64 build has no AVX instructions.
// RUN: nnc %S/Inputs/linear_relu.mlir --cpu=x86-64 --emit=asm \
// RUN:   | FileCheck %s --check-prefix=BASE
// BASE-NOT: %ymm
// RUN: nnc %S/Inputs/linear_relu.mlir --cpu=x86-64 -o %t/base.so
// RUN: nnc-run %t/base.so --input=%t/x.npy --input=%t/w.npy --input=%t/b.npy \
// RUN:   --output=%t/base.npy
// RUN: %python %S/Inputs/expect_npy.py %t/base.npy float32 \
// RUN:   "[[2, 3, 4], [0, 1, 0]]" 0 0

// Features are added to the CPU's: +avx2 brings 256-bit registers. (Only
// compiled: the machine running the tests may lack AVX2.)
// RUN: nnc %S/Inputs/linear_relu.mlir --cpu=x86-64 --cpu-features=+avx2 \
// RUN:   --emit=asm | FileCheck %s --check-prefix=AVX2
// AVX2: %ymm

// A feature every x86-64 CPU running this has, to run it.
// RUN: nnc %S/Inputs/linear_relu.mlir --cpu=x86-64 --cpu-features=+sse3 \
// RUN:   -o %t/sse3.so
// RUN: nnc-run %t/sse3.so --input=%t/x.npy --input=%t/w.npy --input=%t/b.npy \
// RUN:   --output=%t/sse3.npy
// RUN: %python %S/Inputs/expect_npy.py %t/sse3.npy float32 \
// RUN:   "[[2, 3, 4], [0, 1, 0]]" 0 0
