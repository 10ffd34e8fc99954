// RUN: nnc-opt %s -split-input-file --nnc-cpu-codegen=lanes=16 --canonicalize --cse | FileCheck %s

// Tests that a bias + relu epilogue becomes vector code along its rows: the
// body is cloned on vector<16xf32>, full vectors in a loop, then the last
// 100 % 16 = 4 columns as one partial vector whose transfers are masked by
// their bound checks (no in_bounds).

#id = affine_map<(d0, d1) -> (d0, d1)>
#row = affine_map<(d0, d1) -> (d1)>
// CHECK-LABEL: func.func @bias_relu(
// CHECK-SAME:    %[[X:.*]]: memref<?x100xf32>, %[[B:.*]]: memref<100xf32>, %[[Y:.*]]: memref<?x100xf32>)
// CHECK:         scf.for %[[I:.*]] = %c0 to %{{.*}} step %c1
// CHECK:           scf.for %[[J:.*]] = %c0 to %c96 step %c16
// CHECK-NEXT:        %[[XV:.*]] = vector.transfer_read %[[X]][%[[I]], %[[J]]]{{.*}} {in_bounds = [true]} : memref<?x100xf32>, vector<16xf32>
// CHECK-NEXT:        %[[BV:.*]] = vector.transfer_read %[[B]][%[[J]]]{{.*}} {in_bounds = [true]} : memref<100xf32>, vector<16xf32>
// CHECK-NEXT:        %[[S:.*]] = arith.addf %[[XV]], %[[BV]] : vector<16xf32>
// CHECK-NEXT:        %[[R:.*]] = arith.maximumf %[[S]], %{{.*}} : vector<16xf32>
// CHECK-NEXT:        vector.transfer_write %[[R]], %[[Y]][%[[I]], %[[J]]] {in_bounds = [true]}
// CHECK:           vector.transfer_read %[[X]][%[[I]], %c96]{{.*}} : memref<?x100xf32>, vector<16xf32>
// CHECK:           vector.transfer_write %{{.*}}, %[[Y]][%[[I]], %c96] : vector<16xf32>, memref<?x100xf32>
// CHECK-NOT:     linalg.generic
func.func @bias_relu(%x: memref<?x100xf32>, %b: memref<100xf32>,
                     %y: memref<?x100xf32>) {
  %zero = arith.constant 0.0 : f32
  linalg.generic {indexing_maps = [#id, #row, #id],
                  iterator_types = ["parallel", "parallel"]}
      ins(%x, %b : memref<?x100xf32>, memref<100xf32>)
      outs(%y : memref<?x100xf32>) {
  ^bb0(%a: f32, %c: f32, %o: f32):
    %s = arith.addf %a, %c : f32
    %r = arith.maximumf %s, %zero : f32
    linalg.yield %r : f32
  }
  return
}

// -----

// Tests that loops every operand reads contiguously are merged: a
// per-channel bias on NCHW runs along H·W = 784 floats per (n, c), on
// collapsed views, with the bias loaded and broadcast once per row.

#i4 = affine_map<(n, c, h, w) -> (n, c, h, w)>
#ch = affine_map<(n, c, h, w) -> (c)>
// CHECK-LABEL: func.func @channel_bias(
// CHECK-SAME:    %[[X:.*]]: memref<?x6x28x28xf32>, %[[B:.*]]: memref<6xf32>
// CHECK:         %[[XC:.*]] = memref.collapse_shape %[[X]] {{\[}}[0], [1], [2, 3]] : memref<?x6x28x28xf32> into memref<?x6x784xf32>
// CHECK:         scf.for
// CHECK:           scf.for %[[C:.*]] = %c0 to %c6
// CHECK-NEXT:        %[[BS:.*]] = memref.load %[[B]][%[[C]]]
// CHECK-NEXT:        %[[BV:.*]] = vector.broadcast %[[BS]] : f32 to vector<16xf32>
// CHECK-NEXT:        scf.for %{{.*}} = %c0 to %c784 step %c16
// CHECK-NEXT:          vector.transfer_read %[[XC]]
// CHECK-NEXT:          arith.addf %{{.*}}, %[[BV]] : vector<16xf32>
func.func @channel_bias(%x: memref<?x6x28x28xf32>, %b: memref<6xf32>,
                        %y: memref<?x6x28x28xf32>) {
  linalg.generic {indexing_maps = [#i4, #ch, #i4],
                  iterator_types = ["parallel", "parallel", "parallel",
                                    "parallel"]}
      ins(%x, %b : memref<?x6x28x28xf32>, memref<6xf32>)
      outs(%y : memref<?x6x28x28xf32>) {
  ^bb0(%a: f32, %c: f32, %o: f32):
    %s = arith.addf %a, %c : f32
    linalg.yield %s : f32
  }
  return
}

// -----

// Tests that a fill of a whole contiguous buffer is one flat loop of vector
// stores plus one partial vector.

// CHECK-LABEL: func.func @fill_all(
// CHECK:         %[[FLAT:.*]] = memref.collapse_shape %{{.*}} {{\[}}[0, 1, 2, 3]] : memref<?x1x32x32xf32> into memref<?xf32>
// CHECK:         scf.for
// CHECK-NEXT:      vector.transfer_write %{{.*}}, %[[FLAT]]{{.*}} {in_bounds = [true]} : vector<16xf32>, memref<?xf32>
// CHECK:         scf.if
// CHECK-NEXT:      vector.transfer_write %{{.*}}, %[[FLAT]]{{.*}} : vector<16xf32>, memref<?xf32>
func.func @fill_all(%y: memref<?x1x32x32xf32>) {
  %zero = arith.constant 0.0 : f32
  linalg.fill ins(%zero : f32) outs(%y : memref<?x1x32x32xf32>)
  return
}

// -----

// Tests that a reduction over an outer loop (a bias gradient's column sums)
// is vectorized along the parallel innermost loop, accumulating in the
// output row.

#kn = affine_map<(d0, d1) -> (d0, d1)>
#n = affine_map<(d0, d1) -> (d1)>
// CHECK-LABEL: func.func @column_sum(
// CHECK-SAME:    %[[X:.*]]: memref<?x64xf32>, %[[Y:.*]]: memref<64xf32>)
// CHECK:         scf.for
// CHECK:           scf.for
// CHECK-NEXT:        %[[XV:.*]] = vector.transfer_read %[[X]]
// CHECK-NEXT:        %[[YV:.*]] = vector.transfer_read %[[Y]]
// CHECK-NEXT:        %[[S:.*]] = arith.addf %[[XV]], %[[YV]] : vector<16xf32>
// CHECK-NEXT:        vector.transfer_write %[[S]], %[[Y]]
func.func @column_sum(%x: memref<?x64xf32>, %y: memref<64xf32>) {
  linalg.generic {indexing_maps = [#kn, #n],
                  iterator_types = ["reduction", "parallel"]}
      ins(%x : memref<?x64xf32>) outs(%y : memref<64xf32>) {
  ^bb0(%a: f32, %o: f32):
    %s = arith.addf %a, %o : f32
    linalg.yield %s : f32
  }
  return
}

// -----

// Tests what is left to the loop lowering: a transposition (not contiguous
// along the innermost loop for every operand) and a reduction along the
// innermost loop.

#id = affine_map<(d0, d1) -> (d0, d1)>
#t = affine_map<(d0, d1) -> (d1, d0)>
#col = affine_map<(d0, d1) -> (d0)>
// CHECK-LABEL: func.func @left_alone(
// CHECK:         linalg.generic
// CHECK:         linalg.generic
func.func @left_alone(%x: memref<64x32xf32>, %y: memref<32x64xf32>,
                      %s: memref<32xf32>) {
  linalg.generic {indexing_maps = [#t, #id],
                  iterator_types = ["parallel", "parallel"]}
      ins(%x : memref<64x32xf32>) outs(%y : memref<32x64xf32>) {
  ^bb0(%a: f32, %o: f32):
    linalg.yield %a : f32
  }
  linalg.generic {indexing_maps = [#id, #col],
                  iterator_types = ["parallel", "reduction"]}
      ins(%y : memref<32x64xf32>) outs(%s : memref<32xf32>) {
  ^bb0(%a: f32, %o: f32):
    %r = arith.addf %a, %o : f32
    linalg.yield %r : f32
  }
  return
}
