// RUN: nnc-opt %s -split-input-file --nnc-cpu-codegen=lanes=16 --canonicalize --cse | FileCheck %s

// Tests that LeNet's second convolution becomes a direct convolution on the
// micro-kernel: rows are 8 filters (2 tiles for 16), vectors are output
// columns, and since a 10-wide row fits one vector, each tile takes two
// output rows (16 accumulators). The k loops run over (c, kh, kw); the
// input vectors are read straight from the image, masked at the row end.

// CHECK-LABEL: func.func @lenet_conv2(
// CHECK-SAME:    %[[X:.*]]: memref<?x6x14x14xf32>, %[[W:.*]]: memref<16x6x5x5xf32>, %[[Y:.*]]: memref<?x16x10x10xf32>)
// CHECK:         scf.for
// CHECK:           scf.for %{{.*}} = %c0 to %c16 step %c8
// CHECK:             scf.for %{{.*}} = %c0 to %c10 step %c2
// CHECK-COUNT-16:      vector.transfer_read %[[Y]]{{.*}} : memref<?x16x10x10xf32>, vector<16xf32>
// CHECK:               scf.for %{{.*}} = %c0 to %c6 step %c1
// CHECK:                 scf.for %{{.*}} = %c0 to %c5 step %c1
// CHECK:                   scf.for %{{.*}} = %c0 to %c5 step %c1
// CHECK:                     vector.transfer_read %[[X]]{{.*}} : memref<?x6x14x14xf32>, vector<16xf32>
// CHECK:                     vector.transfer_read %[[X]]{{.*}} : memref<?x6x14x14xf32>, vector<16xf32>
// CHECK-NEXT:                memref.load %[[W]]
// CHECK-NEXT:                vector.broadcast
// CHECK-NEXT:                vector.fma
// CHECK-NEXT:                vector.fma
// CHECK-COUNT-16:      vector.transfer_write %{{.*}}, %[[Y]]
// CHECK-NOT:     linalg.conv_2d_nchw_fchw
func.func @lenet_conv2(%x: memref<?x6x14x14xf32>, %w: memref<16x6x5x5xf32>,
                       %y: memref<?x16x10x10xf32>) {
  linalg.conv_2d_nchw_fchw {dilations = dense<1> : vector<2xi64>,
                            strides = dense<1> : vector<2xi64>}
      ins(%x, %w : memref<?x6x14x14xf32>, memref<16x6x5x5xf32>)
      outs(%y : memref<?x16x10x10xf32>)
  return
}

// -----

// Tests that the zero fill of a convolution's output is folded into it: the
// accumulators start at zero instead of being read, and the fill is gone.
// Six filters make one 6-row tile; a 28-wide row takes two vectors.

// CHECK-LABEL: func.func @lenet_conv1_filled(
// CHECK-SAME:    %[[X:.*]]: memref<?x1x32x32xf32>, %{{.*}}, %[[Y:.*]]: memref<?x6x28x28xf32>)
// CHECK-DAG:     %[[ZERO:.*]] = arith.constant dense<0.000000e+00> : vector<16xf32>
// CHECK-NOT:     linalg.fill
// CHECK-NOT:     vector.transfer_read %[[Y]]
// CHECK:         scf.for {{.*}} iter_args(%{{.*}} = %[[ZERO]], {{.*}} -> ({{(vector<16xf32>, )+}}vector<16xf32>)
// CHECK-COUNT-12: vector.fma
// CHECK-COUNT-12: vector.transfer_write %{{.*}}, %[[Y]]
func.func @lenet_conv1_filled(%x: memref<?x1x32x32xf32>, %w: memref<6x1x5x5xf32>,
                              %y: memref<?x6x28x28xf32>) {
  %zero = arith.constant 0.0 : f32
  linalg.fill ins(%zero : f32) outs(%y : memref<?x6x28x28xf32>)
  linalg.conv_2d_nchw_fchw {dilations = dense<1> : vector<2xi64>,
                            strides = dense<1> : vector<2xi64>}
      ins(%x, %w : memref<?x1x32x32xf32>, memref<6x1x5x5xf32>)
      outs(%y : memref<?x6x28x28xf32>)
  return
}

// -----

// Tests a stride-2 convolution (AlexNet's first layer): each input vector
// reads 32 contiguous floats and keeps every other one with one shuffle.

// CHECK-LABEL: func.func @stride_two(
// CHECK:         vector.transfer_read {{.*}} : memref<1x3x67x67xf32>, vector<32xf32>
// CHECK-NEXT:    vector.shuffle %{{.*}}, %{{.*}} [0, 2, 4, 6, 8, 10, 12, 14, 16, 18, 20, 22, 24, 26, 28, 30] : vector<32xf32>, vector<32xf32>
func.func @stride_two(%x: memref<1x3x67x67xf32>, %w: memref<6x3x5x5xf32>,
                      %y: memref<1x6x32x32xf32>) {
  linalg.conv_2d_nchw_fchw {dilations = dense<1> : vector<2xi64>,
                            strides = dense<2> : vector<2xi64>}
      ins(%x, %w : memref<1x3x67x67xf32>, memref<6x3x5x5xf32>)
      outs(%y : memref<1x6x32x32xf32>)
  return
}

// -----

// Tests that grouped convolutions loop over the groups, one direct
// convolution each on rank-reduced views.

// CHECK-LABEL: func.func @grouped(
// CHECK:         scf.for %[[G:.*]] = %c0 to %c2 step %c1
// CHECK:           memref.subview %{{.*}}[0, %[[G]], 0, 0, 0] [4, 1, 3, 12, 40]
// CHECK:           vector.fma
// CHECK-NOT:     linalg.conv_2d_ngchw_gfchw
func.func @grouped(%x: memref<4x2x3x12x40xf32>, %w: memref<2x5x3x3x3xf32>,
                   %y: memref<4x2x5x10x38xf32>) {
  linalg.conv_2d_ngchw_gfchw {dilations = dense<1> : vector<2xi64>,
                              strides = dense<1> : vector<2xi64>}
      ins(%x, %w : memref<4x2x3x12x40xf32>, memref<2x5x3x3x3xf32>)
      outs(%y : memref<4x2x5x10x38xf32>)
  return
}
