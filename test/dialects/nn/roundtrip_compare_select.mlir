// RUN: nnc-opt %s -split-input-file | nnc-opt -split-input-file | FileCheck %s

// Tests that nn.compare round-trips with each predicate, broadcasting a
// rank-0 operand, and yields an i1 mask.
// CHECK-LABEL: func.func @compare(
// CHECK-SAME: %[[X:.*]]: tensor<?x10xf32>, %[[Z:.*]]: tensor<f32>
func.func @compare(%x: tensor<?x10xf32>, %z: tensor<f32>) -> (tensor<?x10xi1>, tensor<?x10xi1>) {
  // CHECK: %[[GT:.*]] = nn.compare %[[X]], %[[Z]] {predicate = "gt"} : tensor<?x10xf32>, tensor<f32>
  // CHECK: %[[NE:.*]] = nn.compare %[[Z]], %[[X]] {predicate = "ne"} : tensor<f32>, tensor<?x10xf32>
  // CHECK: return %[[GT]], %[[NE]] : tensor<?x10xi1>, tensor<?x10xi1>
  %0 = nn.compare %x, %z {predicate = "gt"} : tensor<?x10xf32>, tensor<f32>
  %1 = nn.compare %z, %x {predicate = "ne"} : tensor<f32>, tensor<?x10xf32>
  return %0, %1 : tensor<?x10xi1>, tensor<?x10xi1>
}

// -----

// Tests that nn.compare takes integer tensors (labels against class ids)
// and broadcasts [N, 1] against [K] to [N, K].
// CHECK-LABEL: func.func @compare_labels(
// CHECK: nn.compare %{{.*}}, %{{.*}} {predicate = "eq"} : tensor<?x1xi64>, tensor<10xi64>
func.func @compare_labels(%labels: tensor<?x1xi64>, %classes: tensor<10xi64>) -> tensor<?x10xi1> {
  %0 = nn.compare %labels, %classes {predicate = "eq"} : tensor<?x1xi64>, tensor<10xi64>
  return %0 : tensor<?x10xi1>
}

// -----

// Tests that nn.select round-trips and broadcasts its three operands.
// CHECK-LABEL: func.func @select(
// CHECK-SAME: %[[C:.*]]: tensor<?x10xi1>, %[[A:.*]]: tensor<10xf32>, %[[B:.*]]: tensor<f32>
// CHECK: %[[S:.*]] = nn.select %[[C]], %[[A]], %[[B]] : tensor<?x10xi1>, tensor<10xf32>, tensor<f32>
// CHECK: return %[[S]] : tensor<?x10xf32>
func.func @select(%c: tensor<?x10xi1>, %a: tensor<10xf32>, %b: tensor<f32>) -> tensor<?x10xf32> {
  %0 = nn.select %c, %a, %b : tensor<?x10xi1>, tensor<10xf32>, tensor<f32>
  return %0 : tensor<?x10xf32>
}

// -----

// Tests that the generic form of both ops parses and prints in custom form.
// CHECK-LABEL: func.func @generic(
// CHECK: nn.compare %{{.*}}, %{{.*}} {predicate = "le"} : tensor<2x3xf32>, tensor<3xf32>
// CHECK: nn.select %{{.*}}, %{{.*}}, %{{.*}} : tensor<2x3xi1>, tensor<2x3xf32>, tensor<3xf32>
func.func @generic(%a: tensor<2x3xf32>, %b: tensor<3xf32>) -> tensor<2x3xf32> {
  %0 = "nn.compare"(%a, %b) {predicate = "le"} : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xi1>
  %1 = "nn.select"(%0, %a, %b) : (tensor<2x3xi1>, tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xf32>
  return %1 : tensor<2x3xf32>
}
