//===- Training.h - train steps of nn loss functions ------------*- C++ -*-===//
//
// `@F_train_step` (NN_IR.md, "Derived functions"): the gradient of the loss
// F, then the optimizer's update of every parameter, written back to the
// caller's tensors with nn.assign. Its arguments are F's, followed by the
// optimizer state: for each nn.param argument in order, one argument per
// slot ({nn.opt_state = "<slot>", nn.opt_param = <argument index>}), then
// for adam and adamw the step count ({nn.opt_state = "step"}, tensor<f32>).
// It returns the loss and updates in place every param, every optimizer
// state argument, and every nn.state argument that is the running mean or
// variance of a training nn.batch_norm (which receives the op's new value).
//
//===----------------------------------------------------------------------===//

#ifndef NNC_COMPILER_TRAINING_TRAINING_H
#define NNC_COMPILER_TRAINING_TRAINING_H

#include "compiler/training/OptimizerSpec.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/BuiltinOps.h"

namespace nnc {

/// The name of the train step of `function`.
std::string trainStepFunctionName(llvm::StringRef function);

/// Adds `@<function>_train_step` to `module`, not yet canonicalized (see
/// addTrainStepFunction). Reports problems as diagnostics: those of the
/// gradient (no such function, not a scalar loss, an op without a VJP
/// rule), a function without params, and an ambiguous running statistic.
mlir::FailureOr<mlir::func::FuncOp>
buildTrainStepFunction(mlir::ModuleOp module, llvm::StringRef function,
                       const OptimizerSpec &optimizer);

/// Runs the nn-train-step pass (buildTrainStepFunction with the parsed
/// `optimizerSpec`, then canonicalize and CSE of the new function).
mlir::LogicalResult addTrainStepFunction(mlir::ModuleOp module,
                                         llvm::StringRef function,
                                         llvm::StringRef optimizerSpec);

} // namespace nnc

#endif // NNC_COMPILER_TRAINING_TRAINING_H
