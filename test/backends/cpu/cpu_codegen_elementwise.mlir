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

// -----

// Tests that a copy reading through window expressions (an im2col: x at
// row 2·i + p, column j + 2·p) is vectorized along j, the one loop its last
// index steps by one element: the row and column of each vector are
// computed from the outer loops, and the 10 columns are one masked vector.

#x = affine_map<(d0, d1, d2, d3) -> (d0, d2 * 2 + d1, d3 + d1 * 2)>
#col = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>

// CHECK-LABEL: func.func @window_columns(
// CHECK-SAME:    %[[X:.*]]: memref<2x9x14xf32>, %[[COL:.*]]: memref<2x3x4x10xf32>
// CHECK:         scf.for %[[N:.*]] =
// CHECK:           scf.for %[[P:.*]] =
// CHECK:             scf.for %[[I:.*]] =
// CHECK:               %[[I2:.*]] = arith.muli %[[I]], %c2
// CHECK:               %[[ROW:.*]] = arith.addi %[[I2]], %[[P]]
// CHECK:               %[[COLUMN:.*]] = arith.muli %[[P]], %c2
// CHECK:               %[[V:.*]] = vector.transfer_read %[[X]][%[[N]], %[[ROW]], %[[COLUMN]]], %{{.*}} : memref<2x9x14xf32>, vector<16xf32>
// CHECK:               vector.transfer_write %[[V]], %[[COL]][%[[N]], %[[P]], %[[I]], %c0] : vector<16xf32>, memref<2x3x4x10xf32>
func.func @window_columns(%x: memref<2x9x14xf32>, %col: memref<2x3x4x10xf32>) {
  linalg.generic {indexing_maps = [#x, #col], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%x : memref<2x9x14xf32>) outs(%col : memref<2x3x4x10xf32>) {
  ^bb0(%in: f32, %out: f32):
    linalg.yield %in : f32
  }
  return
}

// -----

// Tests that a read stepping two elements per step of the inner loop (the
// columns of a stride-2 window) is left to scalar code: its elements are not
// one contiguous vector.

#x = affine_map<(d0, d1) -> (d0, d1 * 2)>
#id = affine_map<(d0, d1) -> (d0, d1)>

// CHECK-LABEL: func.func @strided_columns(
// CHECK-NOT:     vector.transfer_read
// CHECK:         linalg.generic
func.func @strided_columns(%x: memref<4x20xf32>, %out: memref<4x10xf32>) {
  linalg.generic {indexing_maps = [#x, #id], iterator_types = ["parallel", "parallel"]} ins(%x : memref<4x20xf32>) outs(%out : memref<4x10xf32>) {
  ^bb0(%in: f32, %o: f32):
    linalg.yield %in : f32
  }
  return
}
