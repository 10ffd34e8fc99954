// RUN: nnc-opt %s -split-input-file -nnc-plan-memory | FileCheck %s

// Tests that buffers whose live ranges do not overlap share arena bytes, that
// batch-sized buffers sit after the static region at offset·N, and that the
// function records both sizes.
// CHECK-LABEL: func.func @reuse(
// CHECK-SAME: %[[ARENA:[a-z0-9_]+]]: memref<?xi8>)
// CHECK-SAME: nnc.arena_bytes = 64 : i64, nnc.arena_bytes_per_batch = 64 : i64
// CHECK: %[[N:.*]] = memref.dim
// CHECK: %[[A:.*]] = memref.view %[[ARENA]]
// CHECK: %[[S:.*]] = memref.view %[[ARENA]][%{{.*}}][] : memref<?xi8> to memref<16xf32>
// CHECK: %[[B:.*]] = memref.view %[[ARENA]]
// CHECK-NOT: memref.alloc
func.func @reuse(%x: memref<?x8xf32>, %out: memref<?x8xf32>) {
  %c0 = arith.constant 0 : index
  %n = memref.dim %x, %c0 : memref<?x8xf32>
  %a = memref.alloc(%n) : memref<?x8xf32>
  %s = memref.alloc() : memref<16xf32>
  linalg.copy ins(%x : memref<?x8xf32>) outs(%a : memref<?x8xf32>)
  linalg.copy ins(%a : memref<?x8xf32>) outs(%out : memref<?x8xf32>)
  %b = memref.alloc(%n) : memref<?x8xf32>
  linalg.copy ins(%out : memref<?x8xf32>) outs(%b : memref<?x8xf32>)
  linalg.copy ins(%b : memref<?x8xf32>) outs(%out : memref<?x8xf32>)
  return
}

// -----

// Tests that buffers live at the same time get disjoint bytes: two batch
// buffers of 32 bytes per row each round up to 64 and sit side by side.
// CHECK-LABEL: func.func @overlap(
// CHECK-SAME: nnc.arena_bytes = 0 : i64, nnc.arena_bytes_per_batch = 128 : i64
// CHECK-DAG: arith.constant 64 : index
func.func @overlap(%x: memref<?x8xf32>, %out: memref<?x8xf32>) {
  %c0 = arith.constant 0 : index
  %n = memref.dim %x, %c0 : memref<?x8xf32>
  %a = memref.alloc(%n) : memref<?x8xf32>
  %b = memref.alloc(%n) : memref<?x8xf32>
  linalg.copy ins(%x : memref<?x8xf32>) outs(%a : memref<?x8xf32>)
  linalg.copy ins(%a : memref<?x8xf32>) outs(%b : memref<?x8xf32>)
  linalg.copy ins(%b : memref<?x8xf32>) outs(%out : memref<?x8xf32>)
  return
}


// -----

// Tests that a dynamic size computed from the batch (here N rounded up to a
// multiple of 16, as a GEMM pack buffer has it) is not mistaken for N: the
// buffer stays on the heap instead of getting N·bytes of arena.
// CHECK-LABEL: func.func @derived_size(
// CHECK-SAME: nnc.arena_bytes = 0 : i64, nnc.arena_bytes_per_batch = 0 : i64
// CHECK: memref.alloc(%{{.*}}) : memref<?x8xf32>
// CHECK-NOT: memref.view
func.func @derived_size(%x: memref<?x8xf32>, %out: memref<?x8xf32>) {
  %c0 = arith.constant 0 : index
  %c15 = arith.constant 15 : index
  %c16 = arith.constant 16 : index
  %n = memref.dim %x, %c0 : memref<?x8xf32>
  %bumped = arith.addi %n, %c15 : index
  %tiles = arith.divui %bumped, %c16 : index
  %rows = arith.muli %tiles, %c16 : index
  %a = memref.alloc(%rows) : memref<?x8xf32>
  %zero = arith.constant 0.0 : f32
  linalg.fill ins(%zero : f32) outs(%a : memref<?x8xf32>)
  return
}
