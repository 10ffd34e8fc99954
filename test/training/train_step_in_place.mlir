// RUN: nnc-opt %s --nn-train-step="function=loss optimizer=momentum" --nnc-cpu-pipeline \
// RUN:   --mlir-print-ir-after=one-shot-bufferize -o /dev/null 2>&1 | FileCheck %s
// RUN: nnc-opt %s --nn-train-step="function=loss optimizer=adam" --nnc-cpu-pipeline \
// RUN:   --mlir-print-ir-after=one-shot-bufferize -o /dev/null 2>&1 | FileCheck %s --check-prefix=ADAM
// RUN: nnc-opt %s --nn-train-step="function=loss optimizer=momentum" --nnc-cpu-pipeline \
// RUN:   --mlir-print-ir-after=one-shot-bufferize -o /dev/null 2>&1 \
// RUN:   | not grep -E "copy ins\(%alloc[^)]*\) outs\(%arg|copy ins\(%arg[0-9]+ : [^)]*\) outs\(%alloc"
// RUN: nnc-opt %s --nn-train-step="function=loss optimizer=adam" --nnc-cpu-pipeline \
// RUN:   --mlir-print-ir-after=one-shot-bufferize -o /dev/null 2>&1 \
// RUN:   | not grep -E "copy ins\(%alloc[^)]*\) outs\(%arg|copy ins\(%arg[0-9]+ : [^)]*\) outs\(%alloc"

// Tests that a compiled train step updates the caller's buffers in place:
// after bufferization, each update kernel reads a tile of the param (or of
// its optimizer state) and writes the new values into the same tile, and
// no param or state is copied into a temporary or back (the grep lines);
// the copies left are tiles onto themselves, which canonicalization erases.
// The momentum buffer's update is fused into the kernel that computes the
// weight gradient.

func.func @loss(%x: tensor<?x16xf32>, %labels: tensor<?xi64>,
                %w: tensor<32x16xf32> {nn.param}, %b: tensor<32xf32> {nn.param}) -> tensor<f32> {
  %z = nn.linear %x, %w : tensor<?x16xf32>, tensor<32x16xf32>
  %y = nn.bias_add %z, %b : tensor<?x32xf32>, tensor<32xf32>
  %l = nn.softmax_cross_entropy %y, %labels : tensor<?x32xf32>, tensor<?xi64>
  return %l : tensor<f32>
}

// CHECK-LABEL: func.func @loss_train_step(
// CHECK-SAME: %[[W:arg2]]: memref<32x16xf32>, %[[B:arg3]]: memref<32xf32>,
// CHECK-SAME: %[[BUFW:arg4]]: memref<32x16xf32>, %[[BUFB:arg5]]: memref<32xf32>)
// CHECK: scf.forall
// CHECK: %[[TBUF:.*]] = memref.subview %[[BUFW]][
// CHECK: linalg.matmul_transpose_a
// CHECK: linalg.generic {{.*}} ins(%[[TBUF]], %{{.*}}) outs(%[[TBUF]] :
// CHECK: scf.forall
// CHECK: %[[TW:.*]] = memref.subview %[[W]][
// CHECK: %[[TBUF2:.*]] = memref.subview %[[BUFW]][
// CHECK: linalg.generic {{.*}} ins(%[[TW]], %[[TBUF2]] : {{.*}}) outs(%[[TW]] :
// CHECK: scf.forall
// CHECK: %[[TBUFB:.*]] = memref.subview %[[BUFB]][
// CHECK: linalg.generic {{.*}} ins(%[[TBUFB]], %{{.*}}) outs(%[[TBUFB]] :
// CHECK: scf.forall
// CHECK: %[[TB:.*]] = memref.subview %[[B]][
// CHECK: linalg.generic {{.*}} ins(%[[TB]], %{{.*}}) outs(%[[TB]] :
// CHECK: return

// ADAM-LABEL: func.func @loss_train_step(
// ADAM-SAME: %[[W:arg2]]: memref<32x16xf32>, %[[B:arg3]]: memref<32xf32>,
// ADAM-SAME: %[[M:arg4]]: memref<32x16xf32>, %[[V:arg5]]: memref<32x16xf32>,
// ADAM-SAME: %[[STEP:arg8]]: memref<f32>)
// ADAM: linalg.generic {{.*}} ins(%[[STEP]] : memref<f32>) outs(%[[STEP]] : memref<f32>)
// ADAM: %[[TM:.*]] = memref.subview %[[M]][
// ADAM: linalg.generic {{.*}} ins(%[[TM]], %{{.*}}) outs(%[[TM]] :
// ADAM: %[[TV:.*]] = memref.subview %[[V]][
// ADAM: linalg.generic {{.*}} ins(%[[TV]], %{{.*}}) outs(%[[TV]] :
// ADAM: %[[TW:.*]] = memref.subview %[[W]][
// ADAM: linalg.generic {{.*}} outs(%[[TW]] :
// ADAM: return
