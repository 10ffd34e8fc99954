// RUN: nnc-opt %s -split-input-file -nnc-form-kernels -canonicalize | FileCheck %s

// Tests that a matmul, its zero fill and its elementwise epilogue become one
// kernel: a single scf.forall over row tiles of the dynamic batch.
// CHECK-LABEL: func.func @matmul_with_epilogue(
// CHECK: scf.forall (%{{.*}}) = (0) to (%{{.*}}) step (16)
// CHECK:   linalg.fill
// CHECK:   linalg.matmul_transpose_b
// CHECK:   linalg.generic
// CHECK:   scf.forall.in_parallel
// CHECK-NOT: linalg.matmul_transpose_b
// CHECK: return
#id = affine_map<(d0, d1) -> (d0, d1)>
#row = affine_map<(d0, d1) -> (d1)>
func.func @matmul_with_epilogue(%x: tensor<?x8xf32>, %w: tensor<4x8xf32>, %b: tensor<4xf32>) -> tensor<?x4xf32> {
  %c0 = arith.constant 0 : index
  %zero = arith.constant 0.0 : f32
  %n = tensor.dim %x, %c0 : tensor<?x8xf32>
  %e = tensor.empty(%n) : tensor<?x4xf32>
  %f = linalg.fill ins(%zero : f32) outs(%e : tensor<?x4xf32>) -> tensor<?x4xf32>
  %m = linalg.matmul_transpose_b ins(%x, %w : tensor<?x8xf32>, tensor<4x8xf32>) outs(%f : tensor<?x4xf32>) -> tensor<?x4xf32>
  %r = linalg.generic {indexing_maps = [#id, #row, #id], iterator_types = ["parallel", "parallel"]}
      ins(%m, %b : tensor<?x4xf32>, tensor<4xf32>) outs(%e : tensor<?x4xf32>) {
  ^bb0(%a: f32, %bias: f32, %out: f32):
    %s = arith.addf %a, %bias : f32
    %y = arith.maximumf %s, %zero : f32
    linalg.yield %y : f32
  } -> tensor<?x4xf32>
  return %r : tensor<?x4xf32>
}

// -----

// Tests that a producer with a second user is not fused (it would be
// computed twice): it becomes its own kernel.
// CHECK-LABEL: func.func @shared_producer(
// CHECK: scf.forall
// CHECK:   linalg.matmul_transpose_b
// CHECK: scf.forall
// CHECK-NOT: linalg.matmul_transpose_b
// CHECK:   linalg.generic
// CHECK: return
#id2 = affine_map<(d0, d1) -> (d0, d1)>
func.func @shared_producer(%x: tensor<?x8xf32>, %w: tensor<4x8xf32>) -> (tensor<?x4xf32>, tensor<?x4xf32>) {
  %c0 = arith.constant 0 : index
  %zero = arith.constant 0.0 : f32
  %n = tensor.dim %x, %c0 : tensor<?x8xf32>
  %e = tensor.empty(%n) : tensor<?x4xf32>
  %f = linalg.fill ins(%zero : f32) outs(%e : tensor<?x4xf32>) -> tensor<?x4xf32>
  %m = linalg.matmul_transpose_b ins(%x, %w : tensor<?x8xf32>, tensor<4x8xf32>) outs(%f : tensor<?x4xf32>) -> tensor<?x4xf32>
  %r = linalg.generic {indexing_maps = [#id2, #id2], iterator_types = ["parallel", "parallel"]}
      ins(%m : tensor<?x4xf32>) outs(%e : tensor<?x4xf32>) {
  ^bb0(%a: f32, %out: f32):
    %y = arith.maximumf %a, %zero : f32
    linalg.yield %y : f32
  } -> tensor<?x4xf32>
  return %m, %r : tensor<?x4xf32>, tensor<?x4xf32>
}

// -----

// Tests that an op with a scalar result (a reduced loss) stays whole.
// CHECK-LABEL: func.func @scalar_stays_whole(
// CHECK-NOT: scf.forall
// CHECK: linalg.reduce
func.func @scalar_stays_whole(%x: tensor<16xf32>) -> tensor<f32> {
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<f32>
  %f = linalg.fill ins(%zero : f32) outs(%e : tensor<f32>) -> tensor<f32>
  %r = linalg.reduce ins(%x : tensor<16xf32>) outs(%f : tensor<f32>) dimensions = [0]
    (%in: f32, %acc: f32) {
      %s = arith.addf %in, %acc : f32
      linalg.yield %s : f32
    }
  return %r : tensor<f32>
}

// -----

// Tests that row tiles grow with the weights every tile streams: 784 x 512
// f32 weights (1.6 MB, over the 1 MiB L2 budget) get 32-row tiles, 2048 x
// 2048 ones (16 MB) the 64-row maximum.
// CHECK-LABEL: func.func @large_weights(
// CHECK: scf.forall (%{{.*}}) = (0) to (%{{.*}}) step (32)
// CHECK: scf.forall (%{{.*}}) = (0) to (%{{.*}}) step (64)
func.func @large_weights(%x: tensor<?x784xf32>, %w: tensor<512x784xf32>,
                         %y: tensor<?x2048xf32>, %v: tensor<2048x2048xf32>)
    -> (tensor<?x512xf32>, tensor<?x2048xf32>) {
  %c0 = arith.constant 0 : index
  %zero = arith.constant 0.0 : f32
  %n = tensor.dim %x, %c0 : tensor<?x784xf32>
  %e = tensor.empty(%n) : tensor<?x512xf32>
  %f = linalg.fill ins(%zero : f32) outs(%e : tensor<?x512xf32>) -> tensor<?x512xf32>
  %m = linalg.matmul_transpose_b ins(%x, %w : tensor<?x784xf32>, tensor<512x784xf32>) outs(%f : tensor<?x512xf32>) -> tensor<?x512xf32>
  %e2 = tensor.empty(%n) : tensor<?x2048xf32>
  %f2 = linalg.fill ins(%zero : f32) outs(%e2 : tensor<?x2048xf32>) -> tensor<?x2048xf32>
  %m2 = linalg.matmul ins(%y, %v : tensor<?x2048xf32>, tensor<2048x2048xf32>) outs(%f2 : tensor<?x2048xf32>) -> tensor<?x2048xf32>
  return %m, %m2 : tensor<?x512xf32>, tensor<?x2048xf32>
}
