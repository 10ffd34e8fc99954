// RUN: nnc-opt %s -convert-nn-to-linalg -split-input-file | FileCheck %s

// Tests that a static 2-D matmul accumulates with linalg.matmul into a
// zero-filled result.

// CHECK-LABEL: func.func @matmul_static(
// CHECK-SAME:    %[[A:.*]]: tensor<4x8xf32>, %[[B:.*]]: tensor<8x16xf32>
// CHECK:         %[[ZERO:.*]] = arith.constant 0.000000e+00 : f32
// CHECK:         %[[EMPTY:.*]] = tensor.empty() : tensor<4x16xf32>
// CHECK:         %[[ACC:.*]] = linalg.fill ins(%[[ZERO]] : f32) outs(%[[EMPTY]] : tensor<4x16xf32>)
// CHECK:         %[[C:.*]] = linalg.matmul ins(%[[A]], %[[B]] : tensor<4x8xf32>, tensor<8x16xf32>)
// CHECK-SAME:      outs(%[[ACC]] : tensor<4x16xf32>)
// CHECK:         return %[[C]]
func.func @matmul_static(%a: tensor<4x8xf32>, %b: tensor<8x16xf32>) -> tensor<4x16xf32> {
  %0 = nn.matmul %a, %b : tensor<4x8xf32>, tensor<8x16xf32>
  return %0 : tensor<4x16xf32>
}

// -----

// Tests that a dynamic batch (rows of lhs) sizes the accumulator with
// tensor.dim.

// CHECK-LABEL: func.func @matmul_dynamic_batch(
// CHECK-SAME:    %[[A:.*]]: tensor<?x8xf32>, %[[B:.*]]: tensor<8x16xf32>
// CHECK:         %[[N:.*]] = tensor.dim %[[A]], %{{.*}} : tensor<?x8xf32>
// CHECK:         %[[EMPTY:.*]] = tensor.empty(%[[N]]) : tensor<?x16xf32>
// CHECK:         %[[ACC:.*]] = linalg.fill ins(%{{.*}} : f32) outs(%[[EMPTY]] : tensor<?x16xf32>)
// CHECK:         linalg.matmul ins(%[[A]], %[[B]] : tensor<?x8xf32>, tensor<8x16xf32>)
// CHECK-SAME:      outs(%[[ACC]] : tensor<?x16xf32>)
func.func @matmul_dynamic_batch(%a: tensor<?x8xf32>, %b: tensor<8x16xf32>) -> tensor<?x16xf32> {
  %0 = nn.matmul %a, %b : tensor<?x8xf32>, tensor<8x16xf32>
  return %0 : tensor<?x16xf32>
}

// -----

// Tests that transpose_a and transpose_b select the named transposed
// contractions instead of copying an operand.

// CHECK-LABEL: func.func @matmul_transpose_a(
// CHECK-SAME:    %[[A:.*]]: tensor<8x?xf32>, %[[B:.*]]: tensor<8x16xf32>
// CHECK:         %[[M:.*]] = tensor.dim %[[A]], %{{.*}} : tensor<8x?xf32>
// CHECK:         tensor.empty(%[[M]]) : tensor<?x16xf32>
// CHECK-NOT:     linalg.transpose
// CHECK:         linalg.matmul_transpose_a ins(%[[A]], %[[B]] : tensor<8x?xf32>, tensor<8x16xf32>)
func.func @matmul_transpose_a(%a: tensor<8x?xf32>, %b: tensor<8x16xf32>) -> tensor<?x16xf32> {
  %0 = nn.matmul %a, %b {transpose_a = true} : tensor<8x?xf32>, tensor<8x16xf32>
  return %0 : tensor<?x16xf32>
}

// CHECK-LABEL: func.func @matmul_transpose_b(
// CHECK-SAME:    %[[A:.*]]: tensor<?x8xf32>, %[[B:.*]]: tensor<16x8xf32>
// CHECK-NOT:     linalg.transpose
// CHECK:         linalg.matmul_transpose_b ins(%[[A]], %[[B]] : tensor<?x8xf32>, tensor<16x8xf32>)
// CHECK-SAME:      outs(%{{.*}} : tensor<?x16xf32>)
func.func @matmul_transpose_b(%a: tensor<?x8xf32>, %b: tensor<16x8xf32>) -> tensor<?x16xf32> {
  %0 = nn.matmul %a, %b {transpose_b = true} : tensor<?x8xf32>, tensor<16x8xf32>
  return %0 : tensor<?x16xf32>
}

// -----

// Tests that with both operands transposed, lhs is materialized transposed
// (no named op reads both transposed) and fed to matmul_transpose_b.

// CHECK-LABEL: func.func @matmul_transpose_both(
// CHECK-SAME:    %[[A:.*]]: tensor<8x4xf32>, %[[B:.*]]: tensor<16x8xf32>
// CHECK:         %[[ACC:.*]] = linalg.fill ins(%{{.*}} : f32) outs(%{{.*}} : tensor<4x16xf32>)
// CHECK:         %[[EMPTY:.*]] = tensor.empty() : tensor<4x8xf32>
// CHECK:         %[[AT:.*]] = linalg.transpose ins(%[[A]] : tensor<8x4xf32>) outs(%[[EMPTY]] : tensor<4x8xf32>) permutation = [1, 0]
// CHECK:         linalg.matmul_transpose_b ins(%[[AT]], %[[B]] : tensor<4x8xf32>, tensor<16x8xf32>)
// CHECK-SAME:      outs(%[[ACC]] : tensor<4x16xf32>)
func.func @matmul_transpose_both(%a: tensor<8x4xf32>, %b: tensor<16x8xf32>) -> tensor<4x16xf32> {
  %0 = nn.matmul %a, %b {transpose_a = true, transpose_b = true} : tensor<8x4xf32>, tensor<16x8xf32>
  return %0 : tensor<4x16xf32>
}

// -----

// Tests that 3-D operands use the batched contractions, with the dynamic
// batch read from lhs.

// CHECK-LABEL: func.func @batch_matmul(
// CHECK-SAME:    %[[A:.*]]: tensor<?x4x8xf32>, %[[B:.*]]: tensor<?x8x16xf32>
// CHECK:         %[[N:.*]] = tensor.dim %[[A]], %{{.*}} : tensor<?x4x8xf32>
// CHECK:         %[[EMPTY:.*]] = tensor.empty(%[[N]]) : tensor<?x4x16xf32>
// CHECK:         %[[ACC:.*]] = linalg.fill ins(%{{.*}} : f32) outs(%[[EMPTY]] : tensor<?x4x16xf32>)
// CHECK:         linalg.batch_matmul ins(%[[A]], %[[B]] : tensor<?x4x8xf32>, tensor<?x8x16xf32>)
// CHECK-SAME:      outs(%[[ACC]] : tensor<?x4x16xf32>)
func.func @batch_matmul(%a: tensor<?x4x8xf32>, %b: tensor<?x8x16xf32>) -> tensor<?x4x16xf32> {
  %0 = nn.matmul %a, %b : tensor<?x4x8xf32>, tensor<?x8x16xf32>
  return %0 : tensor<?x4x16xf32>
}

// CHECK-LABEL: func.func @batch_matmul_transposed(
// CHECK:         linalg.batch_matmul_transpose_a ins(%{{.*}}, %{{.*}} : tensor<?x8x4xf32>, tensor<?x8x16xf32>)
// CHECK:         linalg.batch_matmul_transpose_b ins(%{{.*}}, %{{.*}} : tensor<?x4x8xf32>, tensor<?x16x8xf32>)
func.func @batch_matmul_transposed(%a: tensor<?x8x4xf32>, %b: tensor<?x8x16xf32>, %c: tensor<?x4x8xf32>, %d: tensor<?x16x8xf32>) -> (tensor<?x4x16xf32>, tensor<?x4x16xf32>) {
  %0 = nn.matmul %a, %b {transpose_a = true} : tensor<?x8x4xf32>, tensor<?x8x16xf32>
  %1 = nn.matmul %c, %d {transpose_b = true} : tensor<?x4x8xf32>, tensor<?x16x8xf32>
  return %0, %1 : tensor<?x4x16xf32>, tensor<?x4x16xf32>
}

// -----

// Tests that linear is x · wᵀ with the weight kept [out, in]
// (linalg.matmul_transpose_b), for a dynamic batch.

// CHECK-LABEL: func.func @linear(
// CHECK-SAME:    %[[X:.*]]: tensor<?x784xf32>, %[[W:.*]]: tensor<512x784xf32>
// CHECK-DAG:     %[[ZERO:.*]] = arith.constant 0.000000e+00 : f32
// CHECK-DAG:     %[[N:.*]] = tensor.dim %[[X]], %{{.*}} : tensor<?x784xf32>
// CHECK:         %[[EMPTY:.*]] = tensor.empty(%[[N]]) : tensor<?x512xf32>
// CHECK:         %[[ACC:.*]] = linalg.fill ins(%[[ZERO]] : f32) outs(%[[EMPTY]] : tensor<?x512xf32>)
// CHECK:         %[[Y:.*]] = linalg.matmul_transpose_b ins(%[[X]], %[[W]] : tensor<?x784xf32>, tensor<512x784xf32>)
// CHECK-SAME:      outs(%[[ACC]] : tensor<?x512xf32>)
// CHECK:         return %[[Y]]
func.func @linear(%x: tensor<?x784xf32>, %w: tensor<512x784xf32>) -> tensor<?x512xf32> {
  %0 = nn.linear %x, %w : tensor<?x784xf32>, tensor<512x784xf32>
  return %0 : tensor<?x512xf32>
}

// -----

// Tests that the accumulator's zero has the element type (f64).

// CHECK-LABEL: func.func @linear_f64(
// CHECK:         %[[ZERO:.*]] = arith.constant 0.000000e+00 : f64
// CHECK:         linalg.fill ins(%[[ZERO]] : f64) outs(%{{.*}} : tensor<2x3xf64>)
// CHECK:         linalg.matmul_transpose_b ins(%{{.*}}, %{{.*}} : tensor<2x5xf64>, tensor<3x5xf64>)
func.func @linear_f64(%x: tensor<2x5xf64>, %w: tensor<3x5xf64>) -> tensor<2x3xf64> {
  %0 = nn.linear %x, %w : tensor<2x5xf64>, tensor<3x5xf64>
  return %0 : tensor<2x3xf64>
}
