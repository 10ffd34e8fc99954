// Tests that every optimization level, -O0 to -O3, builds a library that
// computes what the interpreter computes.

// RUN: rm -rf %t && mkdir %t
// RUN: %python -c "import numpy as np; \
// RUN:   np.save('%t/x.npy', np.array([[0, 0], [0, 1], [1, 0], [1, 1]], np.float32)); \
// RUN:   np.save('%t/w.npy', np.array([[20, 20], [20, 20], [-20, -20]], np.float32)); \
// RUN:   np.save('%t/b.npy', np.array([-30, -10, 10], np.float32))"
// RUN: nnc-run %S/Inputs/logic.mlir --entry=gates --target=interp \
// RUN:   --input=%t/x.npy --input=%t/w.npy --input=%t/b.npy --output=%t/ref.npy

// RUN: nnc %S/Inputs/logic.mlir -O0 -o %t/o0.so
// RUN: nnc-run %t/o0.so --entry=gates --input=%t/x.npy --input=%t/w.npy \
// RUN:   --input=%t/b.npy --output=%t/o0.npy
// RUN: %python %S/Inputs/same_npy.py %t/o0.npy %t/ref.npy

// RUN: nnc %S/Inputs/logic.mlir -O1 -o %t/o1.so
// RUN: nnc-run %t/o1.so --entry=gates --input=%t/x.npy --input=%t/w.npy \
// RUN:   --input=%t/b.npy --output=%t/o1.npy
// RUN: %python %S/Inputs/same_npy.py %t/o1.npy %t/ref.npy

// RUN: nnc %S/Inputs/logic.mlir -O2 -o %t/o2.so
// RUN: nnc-run %t/o2.so --entry=gates --input=%t/x.npy --input=%t/w.npy \
// RUN:   --input=%t/b.npy --output=%t/o2.npy
// RUN: %python %S/Inputs/same_npy.py %t/o2.npy %t/ref.npy

// RUN: nnc %S/Inputs/logic.mlir -O3 -o %t/o3.so
// RUN: nnc-run %t/o3.so --entry=gates --input=%t/x.npy --input=%t/w.npy \
// RUN:   --input=%t/b.npy --output=%t/o3.npy
// RUN: %python %S/Inputs/same_npy.py %t/o3.npy %t/ref.npy
