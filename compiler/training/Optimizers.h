//===- Optimizers.h - torch.optim's update rules as nn ops ------*- C++ -*-===//
//
// Each optimizer's update of one parameter, written as ordinary nn ops so
// that it fuses and compiles like the rest of the train step. The formulas
// are torch.optim's single-tensor ones (torch 1.13); optimizer state starts
// at zero, as the caller zero-fills it before the first step.
//
//===----------------------------------------------------------------------===//

#ifndef NNC_COMPILER_TRAINING_OPTIMIZERS_H
#define NNC_COMPILER_TRAINING_OPTIMIZERS_H

#include "compiler/autodiff/GradBuilder.h"
#include "compiler/training/OptimizerSpec.h"

namespace nnc {

/// The state slots each parameter gets, in argument order, named as
/// torch.optim names them ("momentum_buffer", "exp_avg", ...).
llvm::SmallVector<llvm::StringRef> optimizerSlots(const OptimizerSpec &spec);

/// True when the optimizer counts steps (adam and adamw, whose bias
/// corrections depend on it): one more `tensor<f32>` state argument.
bool usesStepCount(const OptimizerSpec &spec);

/// The new values of a parameter and of its slots (in optimizerSlots order).
struct ParamUpdate {
  mlir::Value param;
  llvm::SmallVector<mlir::Value> slots;
};

class OptimizerBuilder {
public:
  /// `step` is the step count after this step (1 on the first step), for
  /// optimizers that use it; null otherwise.
  OptimizerBuilder(autodiff::GradBuilder &b, const OptimizerSpec &spec,
                   mlir::Value step);

  /// The update of `param` given its gradient and its current slots.
  ParamUpdate update(mlir::Value param, mlir::Value grad,
                     mlir::ValueRange slots);

private:
  ParamUpdate sgd(mlir::Value p, mlir::Value g, mlir::ValueRange slots);
  ParamUpdate adagrad(mlir::Value p, mlir::Value g, mlir::ValueRange slots);
  ParamUpdate rmsprop(mlir::Value p, mlir::Value g, mlir::ValueRange slots);
  ParamUpdate adam(mlir::Value p, mlir::Value g, mlir::ValueRange slots);

  /// `x · c` for a constant c.
  mlir::Value scaled(mlir::Value x, double c);
  /// g + weight_decay · p (L2 regularization folded into the gradient).
  mlir::Value decayed(mlir::Value g, mlir::Value p);

  autodiff::GradBuilder &b;
  const OptimizerSpec &spec;
  mlir::Value step;
};

} // namespace nnc

#endif // NNC_COMPILER_TRAINING_OPTIMIZERS_H
