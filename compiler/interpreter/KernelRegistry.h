//===- KernelRegistry.h - op -> reference kernel table ----------*- C++ -*-===//
//
// Each op family registers its reference kernels in its own file under
// kernels/ (registerElementwiseKernels, registerConvKernels, ...): that file
// is the one home of an op's interpreter semantics.
//
//===----------------------------------------------------------------------===//

#ifndef NNC_COMPILER_INTERPRETER_KERNELREGISTRY_H
#define NNC_COMPILER_INTERPRETER_KERNELREGISTRY_H

#include "compiler/interpreter/RefTensor.h"

#include "mlir/IR/Operation.h"
#include "llvm/ADT/DenseMap.h"

#include <functional>

namespace nnc::interp {

/// Evaluates one op on concrete operands. `results` arrives empty and the
/// kernel appends one tensor per op result, in order; the interpreter then
/// checks them against the op's declared result types. Run-time problems (a
/// label out of range, sizes that disagree once `?` is known) are reported
/// with `op->emitOpError()` and yield failure.
using Kernel = std::function<mlir::LogicalResult(
    mlir::Operation *op, const std::vector<RefTensor> &operands,
    std::vector<RefTensor> &results)>;

class KernelRegistry {
public:
  /// The registry with every family's kernels.
  static const KernelRegistry &get();

  /// Registers `fn(OpTy op, operands, results)` as OpTy's kernel.
  template <typename OpTy, typename Fn> void add(Fn fn) {
    kernels[mlir::TypeID::get<OpTy>()] =
        [fn](mlir::Operation *op, const std::vector<RefTensor> &operands,
             std::vector<RefTensor> &results) {
          return fn(llvm::cast<OpTy>(op), operands, results);
        };
  }

  /// The kernel of `op`, or null when the interpreter does not know it.
  const Kernel *lookup(mlir::Operation *op) const;

private:
  llvm::DenseMap<mlir::TypeID, Kernel> kernels;
};

// One registration function per op family (kernels/<Family>.cpp).
void registerElementwiseKernels(KernelRegistry &registry);
void registerLayerKernels(KernelRegistry &registry); // matmul, linear
void registerConvKernels(KernelRegistry &registry);  // conv2d, pooling, grads
void registerNormKernels(KernelRegistry &registry);  // batch_norm, lrn, dropout
void registerSoftmaxKernels(KernelRegistry &registry); // softmax, losses
void registerShapeKernels(
    KernelRegistry &registry); // reductions, data movement

} // namespace nnc::interp

#endif // NNC_COMPILER_INTERPRETER_KERNELREGISTRY_H
