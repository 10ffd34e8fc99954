// RUN: nnc-opt %s -split-input-file --nnc-cpu-codegen=lanes=16 --canonicalize --cse | FileCheck %s
// RUN: nnc-opt %s -split-input-file --nnc-cpu-codegen=lanes=8 --canonicalize --cse | FileCheck %s --check-prefix=AVX2

// Tests that a static matmul becomes the 8 x 32 register-tiled kernel: B is
// packed into 32-wide panels with vector loads of its rows, and the k loop
// carries 16 vector<16xf32> accumulators through iter_args, each k step
// loading two panel vectors and broadcasting one A element per row. With 8
// lanes (AVX2) the tile is 6 x 16: 12 accumulators.

// CHECK-LABEL: func.func @matmul_static(
// CHECK-SAME:    %[[A:.*]]: memref<64x32xf32>, %[[B:.*]]: memref<32x64xf32>, %[[C:.*]]: memref<64x64xf32>)
// CHECK:         %[[P:.*]] = memref.alloc() {alignment = 64 : i64} : memref<2x32x32xf32>
// CHECK:         vector.transfer_read %[[B]]{{.*}} : memref<32x64xf32>, vector<16xf32>
// CHECK:         vector.store %{{.*}}, %[[P]]
// CHECK:         vector.transfer_read %[[B]]
// CHECK:         vector.store %{{.*}}, %[[P]]
// CHECK-COUNT-16: vector.transfer_read %[[C]]
// CHECK:         scf.for {{.*}} -> (vector<16xf32>, vector<16xf32>, vector<16xf32>, vector<16xf32>, vector<16xf32>, vector<16xf32>, vector<16xf32>, vector<16xf32>, vector<16xf32>, vector<16xf32>, vector<16xf32>, vector<16xf32>, vector<16xf32>, vector<16xf32>, vector<16xf32>, vector<16xf32>)
// CHECK-NEXT:      %[[B0:.*]] = vector.load %[[P]]{{.*}} : memref<2x32x32xf32>, vector<16xf32>
// CHECK-NEXT:      %[[B1:.*]] = vector.load %[[P]]{{.*}} : memref<2x32x32xf32>, vector<16xf32>
// CHECK-NEXT:      %[[A0:.*]] = memref.load %[[A]]
// CHECK-NEXT:      %[[A0V:.*]] = vector.broadcast %[[A0]] : f32 to vector<16xf32>
// CHECK-NEXT:      vector.fma %[[A0V]], %[[B0]], %{{.*}} : vector<16xf32>
// CHECK-NEXT:      vector.fma %[[A0V]], %[[B1]], %{{.*}} : vector<16xf32>
// CHECK-COUNT-14:  vector.fma
// CHECK:           scf.yield
// CHECK-COUNT-16: vector.transfer_write %{{.*}}, %[[C]]
// CHECK-NOT:     memref.dealloc
// CHECK-NOT:     linalg.matmul

// AVX2-LABEL: func.func @matmul_static(
// AVX2:         memref.alloc() {alignment = 64 : i64} : memref<4x32x16xf32>
// AVX2:         scf.for {{.*}} -> (vector<8xf32>, vector<8xf32>, vector<8xf32>, vector<8xf32>, vector<8xf32>, vector<8xf32>, vector<8xf32>, vector<8xf32>, vector<8xf32>, vector<8xf32>, vector<8xf32>, vector<8xf32>)
// AVX2-COUNT-12:  vector.fma {{.*}} : vector<8xf32>
func.func @matmul_static(%a: memref<64x32xf32>, %b: memref<32x64xf32>,
                         %c: memref<64x64xf32>) {
  linalg.matmul ins(%a, %b : memref<64x32xf32>, memref<32x64xf32>)
                outs(%c : memref<64x64xf32>)
  return
}

// -----

// Tests the kernel formation's shape of a linear layer: row tiles of a
// dynamic batch in an scf.forall, the output tile zero-filled, then
// matmul_transpose_b. The weights are loop-invariant, so they are packed once
// before the loop (in an scf.forall of their own: the threads share the
// work) by reading 16 rows along K and transposing them in registers. The
// fill is folded into the first K block (a select instead of a pass over
// C). Rows past the last 8-row tile take 4-, 2- and 1-row tiles.

// CHECK-LABEL: func.func @linear_tiles(
// CHECK-SAME:    %[[X:.*]]: memref<?x784xf32>, %[[W:.*]]: memref<512x784xf32>
// CHECK:         %[[P:.*]] = memref.alloc() {alignment = 64 : i64} : memref<16x784x32xf32>
// CHECK:         scf.forall (%{{.*}}) in (16) {
// CHECK:           scf.for
// CHECK-COUNT-16:    vector.transfer_read %{{.*}} : memref<512x784xf32, strided<[784, 1]>>, vector<16xf32>
// CHECK-COUNT-64:    vector.shuffle
// CHECK-COUNT-16:    vector.store %{{.*}}, %[[P]]
// CHECK:         scf.forall (%{{.*}}) = (0) to (%{{.*}}) step (16) {
// CHECK-NOT:       linalg.fill
// CHECK:           %[[FIRST:.*]] = arith.cmpi eq
// CHECK:           arith.select %[[FIRST]]
// CHECK:           scf.for {{.*}} -> (vector<16xf32>, vector<16xf32>, vector<16xf32>, vector<16xf32>, vector<16xf32>, vector<16xf32>, vector<16xf32>, vector<16xf32>, vector<16xf32>, vector<16xf32>, vector<16xf32>, vector<16xf32>, vector<16xf32>, vector<16xf32>, vector<16xf32>, vector<16xf32>)
// CHECK:             vector.load %[[P]]
// CHECK:           arith.andi %{{.*}}, %c4
// CHECK:           scf.if
// CHECK:             scf.for {{.*}} -> (vector<16xf32>, vector<16xf32>, vector<16xf32>, vector<16xf32>, vector<16xf32>, vector<16xf32>, vector<16xf32>, vector<16xf32>)
// CHECK:           arith.andi %{{.*}}, %c2
// CHECK:           scf.if
// CHECK:             scf.for {{.*}} -> (vector<16xf32>, vector<16xf32>, vector<16xf32>, vector<16xf32>)
// CHECK:           arith.andi %{{.*}}, %c1
// CHECK:           scf.if
// CHECK:             scf.for {{.*}} -> (vector<16xf32>, vector<16xf32>)
// CHECK-NOT:     memref.dealloc
func.func @linear_tiles(%x: memref<?x784xf32>, %w: memref<512x784xf32>,
                        %y: memref<?x512xf32>) {
  %cst = arith.constant 0.0 : f32
  %c0 = arith.constant 0 : index
  %n = memref.dim %x, %c0 : memref<?x784xf32>
  scf.forall (%i) = (0) to (%n) step (16) {
    %rows = affine.min affine_map<(d0)[s0] -> (-d0 + s0, 16)>(%i)[%n]
    %xt = memref.subview %x[%i, 0] [%rows, 784] [1, 1]
        : memref<?x784xf32> to memref<?x784xf32, strided<[784, 1], offset: ?>>
    %yt = memref.subview %y[%i, 0] [%rows, 512] [1, 1]
        : memref<?x512xf32> to memref<?x512xf32, strided<[512, 1], offset: ?>>
    linalg.fill ins(%cst : f32)
        outs(%yt : memref<?x512xf32, strided<[512, 1], offset: ?>>)
    linalg.matmul_transpose_b
        ins(%xt, %w : memref<?x784xf32, strided<[784, 1], offset: ?>>,
                      memref<512x784xf32>)
        outs(%yt : memref<?x512xf32, strided<[512, 1], offset: ?>>)
  }
  return
}

// -----

// Tests that batch matmuls loop over the batch with rank-reducing views
// (A transposed by a memref.transpose view, never a copy) and share one
// panel buffer across the batch.

// CHECK-LABEL: func.func @batch_transpose_a(
// CHECK:         %[[AT:.*]] = memref.transpose %{{.*}} (d0, d1, d2) -> (d0, d2, d1)
// CHECK:         %[[P:.*]] = memref.alloc() {alignment = 64 : i64} : memref<2x16x32xf32>
// CHECK:         scf.for
// CHECK:           memref.subview %[[AT]]{{.*}} to memref<24x16xf32, strided<[1, 24], offset: ?>>
// CHECK:           scf.for {{.*}} -> ({{.*}}vector<16xf32>)
// CHECK-COUNT-16:    vector.fma
// CHECK-NOT:     memref.dealloc
func.func @batch_transpose_a(%a: memref<4x16x24xf32>, %b: memref<4x16x40xf32>,
                             %c: memref<4x24x40xf32>) {
  linalg.batch_matmul_transpose_a
      ins(%a, %b : memref<4x16x24xf32>, memref<4x16x40xf32>)
      outs(%c : memref<4x24x40xf32>)
  return
}

// -----

// Tests a linalg.generic contraction whose output is contiguous along M:
// it is computed as Cᵀ = Bᵀ · Aᵀ, so the vectors still run along C's rows
// and the 20 x 48 operand (the old A) is the one packed.

#ma = affine_map<(m, n, k) -> (k, m)>
#mb = affine_map<(m, n, k) -> (n, k)>
#mc = affine_map<(m, n, k) -> (n, m)>
// CHECK-LABEL: func.func @generic_contraction(
// CHECK-SAME:    %[[A:.*]]: memref<20x48xf32>, %[[B:.*]]: memref<8x20xf32>, %[[C:.*]]: memref<8x48xf32>)
// CHECK:         vector.transfer_read %[[A]]
// CHECK:         scf.for {{.*}} -> ({{.*}}vector<16xf32>)
// CHECK:           memref.load %[[B]]
// CHECK-NOT:     linalg.generic
func.func @generic_contraction(%a: memref<20x48xf32>, %b: memref<8x20xf32>,
                               %c: memref<8x48xf32>) {
  linalg.generic {indexing_maps = [#ma, #mb, #mc],
                  iterator_types = ["parallel", "parallel", "reduction"]}
      ins(%a, %b : memref<20x48xf32>, memref<8x20xf32>)
      outs(%c : memref<8x48xf32>) {
  ^bb0(%x: f32, %y: f32, %z: f32):
    %p = arith.mulf %x, %y : f32
    %s = arith.addf %z, %p : f32
    linalg.yield %s : f32
  }
  return
}

// -----

// Tests that contractions on other element types are left to the loop
// lowering.

// CHECK-LABEL: func.func @integer_matmul(
// CHECK:         linalg.matmul
func.func @integer_matmul(%a: memref<8x8xi32>, %b: memref<8x8xi32>,
                          %c: memref<8x8xi32>) {
  linalg.matmul ins(%a, %b : memref<8x8xi32>, memref<8x8xi32>)
                outs(%c : memref<8x8xi32>)
  return
}
