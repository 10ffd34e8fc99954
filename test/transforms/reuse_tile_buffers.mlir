// RUN: nnc-opt %s -split-input-file --nnc-reuse-tile-buffers | FileCheck %s

#id = affine_map<(d0, d1) -> (d0, d1)>

// Tests that a matmul tile read by its elementwise epilogue is computed
// straight into the epilogue's output tile: the temporary goes away.
// CHECK-LABEL: func.func @epilogue_output(
// CHECK-SAME: %[[OUT:[a-z0-9]+]]: memref<32x16xf32>)
// CHECK: scf.forall
// CHECK:   %[[TILE:.*]] = memref.subview %[[OUT]]
// CHECK-NOT: memref.alloc
// CHECK:   linalg.fill {{.*}} outs(%[[TILE]] :
// CHECK:   linalg.matmul {{.*}} outs(%[[TILE]] :
// CHECK:   linalg.generic {{.*}} ins(%[[TILE]], %{{.*}}) outs(%[[TILE]] :
func.func @epilogue_output(%a: memref<32x8xf32>, %b: memref<8x16xf32>,
                           %bias: memref<32x16xf32>, %out: memref<32x16xf32>) {
  %zero = arith.constant 0.0 : f32
  scf.forall (%i) = (0) to (32) step (16) {
    %tile = memref.subview %out[%i, 0] [16, 16] [1, 1]
        : memref<32x16xf32> to memref<16x16xf32, strided<[16, 1], offset: ?>>
    %rows = memref.subview %a[%i, 0] [16, 8] [1, 1]
        : memref<32x8xf32> to memref<16x8xf32, strided<[8, 1], offset: ?>>
    %bias_tile = memref.subview %bias[%i, 0] [16, 16] [1, 1]
        : memref<32x16xf32> to memref<16x16xf32, strided<[16, 1], offset: ?>>
    %acc = memref.alloc() : memref<16x16xf32>
    linalg.fill ins(%zero : f32) outs(%acc : memref<16x16xf32>)
    linalg.matmul ins(%rows, %b : memref<16x8xf32, strided<[8, 1], offset: ?>>, memref<8x16xf32>)
        outs(%acc : memref<16x16xf32>)
    linalg.generic {indexing_maps = [#id, #id, #id], iterator_types = ["parallel", "parallel"]}
        ins(%acc, %bias_tile : memref<16x16xf32>, memref<16x16xf32, strided<[16, 1], offset: ?>>)
        outs(%tile : memref<16x16xf32, strided<[16, 1], offset: ?>>) {
    ^bb0(%x: f32, %y: f32, %o: f32):
      %s = arith.addf %x, %y : f32
      linalg.yield %s : f32
    }
  }
  return
}

// -----

#id = affine_map<(d0, d1) -> (d0, d1)>

// Tests that an epilogue updating its output in place (a train step's
// p − lr·g, reading the param tile it overwrites) keeps the temporary:
// computing the gradient into the param tile would destroy the param
// before the epilogue reads it.
// CHECK-LABEL: func.func @in_place_update(
// CHECK-SAME: %[[P:[a-z0-9]+]]: memref<32x16xf32>
// CHECK: scf.forall
// CHECK:   %[[TILE:.*]] = memref.subview %[[P]]
// CHECK:   %[[ACC:.*]] = memref.alloc
// CHECK:   linalg.matmul {{.*}} outs(%[[ACC]] :
// CHECK:   linalg.generic {{.*}} ins(%[[TILE]], %[[ACC]] : {{.*}}) outs(%[[TILE]] :
func.func @in_place_update(%p: memref<32x16xf32>, %a: memref<32x8xf32>, %b: memref<8x16xf32>) {
  %zero = arith.constant 0.0 : f32
  %lr = arith.constant 0.1 : f32
  scf.forall (%i) = (0) to (32) step (16) {
    %tile = memref.subview %p[%i, 0] [16, 16] [1, 1]
        : memref<32x16xf32> to memref<16x16xf32, strided<[16, 1], offset: ?>>
    %rows = memref.subview %a[%i, 0] [16, 8] [1, 1]
        : memref<32x8xf32> to memref<16x8xf32, strided<[8, 1], offset: ?>>
    %acc = memref.alloc() : memref<16x16xf32>
    linalg.fill ins(%zero : f32) outs(%acc : memref<16x16xf32>)
    linalg.matmul ins(%rows, %b : memref<16x8xf32, strided<[8, 1], offset: ?>>, memref<8x16xf32>)
        outs(%acc : memref<16x16xf32>)
    linalg.generic {indexing_maps = [#id, #id, #id], iterator_types = ["parallel", "parallel"]}
        ins(%tile, %acc : memref<16x16xf32, strided<[16, 1], offset: ?>>, memref<16x16xf32>)
        outs(%tile : memref<16x16xf32, strided<[16, 1], offset: ?>>) {
    ^bb0(%x: f32, %g: f32, %o: f32):
      %step = arith.mulf %g, %lr : f32
      %new = arith.subf %x, %step : f32
      linalg.yield %new : f32
    }
  }
  return
}
