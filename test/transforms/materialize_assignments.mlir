// RUN: nnc-opt %s -split-input-file --nnc-materialize-assignments | FileCheck %s
// RUN: nnc-opt %s -split-input-file --nnc-materialize-assignments \
// RUN:   --one-shot-bufferize="bufferize-function-boundaries function-boundary-type-conversion=identity-layout-map" \
// RUN:   --canonicalize | FileCheck %s --check-prefix=BUF

#map = affine_map<(d0) -> (d0)>

// Tests that nn.assign becomes a materialization into the argument, moved
// after every other op; that the op computing the new value into an empty
// tensor computes it into the argument instead; and that the arguments the
// entry does not assign become read only. After bufferization the kernel
// updates the caller's buffer in place: no allocation, no copy.
// CHECK-LABEL: func.func @step(
// CHECK-SAME: %[[W:[a-z0-9]+]]: tensor<8xf32>,
// CHECK-SAME: %[[G:[a-z0-9]+]]: tensor<8xf32> {bufferization.writable = false})
// CHECK: %[[NEW:.*]] = linalg.generic
// CHECK-SAME: ins(%[[W]], %[[G]] : tensor<8xf32>, tensor<8xf32>) outs(%[[W]] : tensor<8xf32>)
// CHECK: %[[SUM:.*]] = linalg.reduce ins(%[[NEW]]
// CHECK: bufferization.materialize_in_destination %[[NEW]] in %[[W]]
// CHECK-NEXT: return %[[SUM]]
// BUF-LABEL: func.func @step(
// BUF-SAME: %[[W:[a-z0-9]+]]: memref<8xf32>, %[[G:[a-z0-9]+]]: memref<8xf32>)
// BUF-NOT: memref.copy
// BUF: linalg.generic
// BUF-SAME: ins(%[[W]], %[[G]] : memref<8xf32>, memref<8xf32>) outs(%[[W]] : memref<8xf32>)
// BUF-NOT: memref.copy
// BUF: return
func.func @step(%w: tensor<8xf32>, %g: tensor<8xf32>) -> tensor<f32> {
  %zero = arith.constant 0.0 : f32
  %s0 = tensor.empty() : tensor<f32>
  %s = linalg.fill ins(%zero : f32) outs(%s0 : tensor<f32>) -> tensor<f32>
  %e = tensor.empty() : tensor<8xf32>
  %new = linalg.generic {indexing_maps = [#map, #map, #map], iterator_types = ["parallel"]}
      ins(%w, %g : tensor<8xf32>, tensor<8xf32>) outs(%e : tensor<8xf32>) {
  ^bb0(%a: f32, %b: f32, %c: f32):
    %d = arith.subf %a, %b : f32
    linalg.yield %d : f32
  } -> tensor<8xf32>
  nn.assign %w, %new : tensor<8xf32>
  %sum = linalg.reduce ins(%new : tensor<8xf32>) outs(%s : tensor<f32>) dimensions = [0]
    (%x: f32, %acc: f32) {
      %y = arith.addf %x, %acc : f32
      linalg.yield %y : f32
    }
  return %sum : tensor<f32>
}

// -----

#map = affine_map<(d0) -> (d0)>

// Tests that when the old value is still read after the kernel that
// computes the new one, bufferization computes the new value into a
// temporary and copies it into the argument at the end, after that read.
// BUF-LABEL: func.func @read_after(
// BUF-SAME: %[[W:[a-z0-9]+]]: memref<8xf32>
// BUF: %[[TMP:.*]] = memref.alloc
// BUF: linalg.generic
// BUF-SAME: outs(%[[TMP]] : memref<8xf32>)
// BUF: linalg.generic
// BUF-SAME: ins(%[[W]], %[[TMP]] : memref<8xf32>, memref<8xf32>)
// BUF: memref.copy %[[TMP]], %[[W]]
// BUF-NEXT: return
func.func @read_after(%w: tensor<8xf32>) -> tensor<8xf32> {
  %e = tensor.empty() : tensor<8xf32>
  %new = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel"]}
      ins(%w : tensor<8xf32>) outs(%e : tensor<8xf32>) {
  ^bb0(%a: f32, %c: f32):
    %d = arith.negf %a : f32
    linalg.yield %d : f32
  } -> tensor<8xf32>
  %e2 = tensor.empty() : tensor<8xf32>
  %both = linalg.generic {indexing_maps = [#map, #map, #map], iterator_types = ["parallel"]}
      ins(%w, %new : tensor<8xf32>, tensor<8xf32>) outs(%e2 : tensor<8xf32>) {
  ^bb0(%a: f32, %b: f32, %c: f32):
    %d = arith.addf %a, %b : f32
    linalg.yield %d : f32
  } -> tensor<8xf32>
  nn.assign %w, %new : tensor<8xf32>
  return %both : tensor<8xf32>
}

// -----

// Tests that a value not computed by a destination-style op is copied into
// the argument, and that private functions keep writable arguments.
// CHECK-LABEL: func.func private @copy_in(
// CHECK-SAME: %[[A:[a-z0-9]+]]: tensor<4xf32>, %[[B:[a-z0-9]+]]: tensor<4xf32>)
// CHECK: bufferization.materialize_in_destination %[[B]] in %[[A]]
// BUF-LABEL: func.func private @copy_in(
// BUF-SAME: %[[A:[a-z0-9]+]]: memref<4xf32>, %[[B:[a-z0-9]+]]: memref<4xf32>)
// BUF: memref.copy %[[B]], %[[A]]
func.func private @copy_in(%a: tensor<4xf32>, %b: tensor<4xf32>) {
  nn.assign %a, %b : tensor<4xf32>
  return
}
