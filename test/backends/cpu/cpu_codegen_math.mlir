// RUN: nnc-opt %s -split-input-file --nnc-cpu-codegen=lanes=16 --canonicalize --cse | FileCheck %s

// Tests that f32 tanh on vectors becomes MLIR's polynomial approximation:
// vector arithmetic instead of one libm call per lane.

#id = affine_map<(d0) -> (d0)>
// CHECK-LABEL: func.func @tanh_f32(
// CHECK-NOT:     math.tanh
// CHECK:         arith.divf {{.*}} : vector<16xf32>
// CHECK-NOT:     math.tanh
func.func @tanh_f32(%x: memref<64xf32>, %y: memref<64xf32>) {
  linalg.generic {indexing_maps = [#id, #id], iterator_types = ["parallel"]}
      ins(%x : memref<64xf32>) outs(%y : memref<64xf32>) {
  ^bb0(%a: f32, %o: f32):
    %t = math.tanh %a : f32
    linalg.yield %t : f32
  }
  return
}

// -----

// Tests that f64 tanh, which has neither an approximation nor an LLVM
// vector intrinsic, is unrolled into scalar math.tanh (libm calls later),
// while math.sqrt stays a vector op.

#id = affine_map<(d0) -> (d0)>
// CHECK-LABEL: func.func @tanh_sqrt_f64(
// CHECK:         math.sqrt %{{.*}} : vector<16xf64>
// CHECK-COUNT-16: math.tanh %{{.*}} : f64
// CHECK-NOT:     math.tanh %{{.*}} : vector
func.func @tanh_sqrt_f64(%x: memref<64xf64>, %y: memref<64xf64>) {
  linalg.generic {indexing_maps = [#id, #id], iterator_types = ["parallel"]}
      ins(%x : memref<64xf64>) outs(%y : memref<64xf64>) {
  ^bb0(%a: f64, %o: f64):
    %s = math.sqrt %a : f64
    %t = math.tanh %s : f64
    linalg.yield %t : f64
  }
  return
}
