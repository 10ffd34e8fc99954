// Tests that nnc-run -v reports on stderr, after the run, the time and the
// arena of the entry (fixed bytes + bytes per batch element, as the header
// says, and what was allocated for this batch), for a .so and the JIT.

// RUN: rm -rf %t && mkdir %t
// RUN: nnc %S/Inputs/linear_relu.mlir -o %t/relu.so
// RUN: %python -c "import numpy as np; \
// RUN:   np.save('%t/x.npy', np.ones((5, 2), np.float32)); \
// RUN:   np.save('%t/w.npy', np.ones((3, 2), np.float32)); \
// RUN:   np.save('%t/b.npy', np.zeros(3, np.float32))"
// RUN: nnc %S/Inputs/linear_relu.mlir --emit=header > %t/log.txt
// RUN: nnc-run %t/relu.so -v --input=%t/x.npy --input=%t/w.npy \
// RUN:   --input=%t/b.npy --output=%t/y.npy 2>> %t/log.txt
// RUN: nnc-run %S/Inputs/linear_relu.mlir -v --input=%t/x.npy \
// RUN:   --input=%t/w.npy --input=%t/b.npy --output=%t/y.npy 2>> %t/log.txt
// RUN: FileCheck %s < %t/log.txt

// CHECK: Entry 'forward': arena [[FIXED:[0-9]+]] bytes + [[PER:[0-9]+]] bytes per batch element
// CHECK: nnc-run: 'forward' ran in {{[0-9]+\.[0-9]+}} ms; arena [[FIXED]] bytes + [[PER]] bytes per batch element ({{[0-9]+}} bytes allocated)
// CHECK: nnc-run: 'forward' ran in {{[0-9]+\.[0-9]+}} ms; arena [[FIXED]] bytes + [[PER]] bytes per batch element ({{[0-9]+}} bytes allocated)

// Without -v nothing goes to stderr.
// RUN: nnc-run %t/relu.so --input=%t/x.npy --input=%t/w.npy --input=%t/b.npy \
// RUN:   --output=%t/y.npy 2> %t/quiet.txt
// RUN: count 0 < %t/quiet.txt
