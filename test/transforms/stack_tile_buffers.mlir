// RUN: nnc-opt %s -split-input-file -nnc-stack-tile-buffers --allow-unregistered-dialect | FileCheck %s
// RUN: nnc-opt %s -split-input-file -nnc-stack-tile-buffers=max-bytes=1024 --allow-unregistered-dialect | FileCheck %s --check-prefix=SMALL

// Tests that a kernel tile's temporary of min(16, N - i) rows becomes a stack
// buffer of the bound (16 x 512 x 4 = 32768 bytes) viewed at the real size,
// and that a lower max-bytes keeps it on the heap.
// CHECK-LABEL: func.func @tile_temporary(
// CHECK: scf.forall
// CHECK:   %[[ROWS:.*]] = affine.min
// CHECK:   %[[STORAGE:.*]] = memref.alloca() {alignment = 64 : i64} : memref<32768xi8>
// CHECK:   memref.view %[[STORAGE]][%{{.*}}][%[[ROWS]]] : memref<32768xi8> to memref<?x512xf32>
// CHECK-NOT: memref.alloc(
// SMALL-LABEL: func.func @tile_temporary(
// SMALL: memref.alloc(%{{.*}}) {alignment = 64 : i64} : memref<?x512xf32>
func.func @tile_temporary(%x: memref<?x512xf32>, %out: memref<?x512xf32>) {
  %c0 = arith.constant 0 : index
  %n = memref.dim %x, %c0 : memref<?x512xf32>
  scf.forall (%i) = (0) to (%n) step (16) {
    %rows = affine.min affine_map<(d0)[s0] -> (-d0 + s0, 16)>(%i)[%n]
    %tmp = memref.alloc(%rows) {alignment = 64 : i64} : memref<?x512xf32>
    %src = memref.subview %x[%i, 0] [%rows, 512] [1, 1] : memref<?x512xf32> to memref<?x512xf32, strided<[512, 1], offset: ?>>
    %dst = memref.subview %out[%i, 0] [%rows, 512] [1, 1] : memref<?x512xf32> to memref<?x512xf32, strided<[512, 1], offset: ?>>
    memref.copy %src, %tmp : memref<?x512xf32, strided<[512, 1], offset: ?>> to memref<?x512xf32>
    memref.copy %tmp, %dst : memref<?x512xf32> to memref<?x512xf32, strided<[512, 1], offset: ?>>
  }
  return
}

// -----

// Tests that sizes without a constant bound, buffers that escape their block
// and buffers of the entry block (the memory plan's) stay allocations.
// CHECK-LABEL: func.func @left_alone(
// CHECK-NOT: memref.alloca
// CHECK: memref.alloc(%{{.*}}) : memref<?xf32>
// CHECK: memref.alloc() : memref<8xf32>
// CHECK: memref.alloc() : memref<4xf32>
func.func @left_alone(%n: index) -> memref<4xf32> {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  scf.for %i = %c0 to %n step %c1 {
    %unbounded = memref.alloc(%i) : memref<?xf32>
    "test.use"(%unbounded) : (memref<?xf32>) -> ()
  }
  %r = scf.execute_region -> memref<8xf32> {
    %escapes = memref.alloc() : memref<8xf32>
    scf.yield %escapes : memref<8xf32>
  }
  "test.use"(%r) : (memref<8xf32>) -> ()
  %top = memref.alloc() : memref<4xf32>
  return %top : memref<4xf32>
}
