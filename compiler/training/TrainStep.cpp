//===- TrainStep.cpp - @F_train_step from @F ------------------------------===//
//
// The train step starts as the gradient function of F (same arguments,
// results: loss, then d loss / d param per nn.param), built by the autodiff
// library. This file turns it into a step: it appends the optimizer-state
// arguments, emits each parameter's update after the gradients, assigns
// the new values to the params, the state and the running statistics of
// training batch_norm ops, and returns the loss alone.
//
//===----------------------------------------------------------------------===//

#include "compiler/autodiff/Autodiff.h"
#include "compiler/training/Optimizers.h"
#include "compiler/training/Training.h"
#include "dialects/nn/IR/NNOps.h"

using namespace mlir;
using namespace nnc;

std::string nnc::trainStepFunctionName(StringRef function) {
  return (function + "_train_step").str();
}

namespace {

class TrainStepBuilder {
public:
  TrainStepBuilder(func::FuncOp step, StringRef loss, const OptimizerSpec &spec)
      : step(step), loss(loss), spec(spec), builder(step.getContext()),
        ret(cast<func::ReturnOp>(step.getBody().front().getTerminator())) {}

  LogicalResult run();

private:
  BlockArgument appendArgument(Type type, StringRef slot,
                               std::optional<unsigned> param);
  void appendOptimizerState();
  LogicalResult emitUpdates();
  LogicalResult assign(BlockArgument target, Value value, Operation *source);
  LogicalResult assignRunningStatistics();
  void returnLossAlone();

  func::FuncOp step;
  StringRef loss;
  const OptimizerSpec &spec;
  OpBuilder builder;
  /// The gradient function's return: loss, then one gradient per param.
  func::ReturnOp ret;
  SmallVector<BlockArgument> params;
  /// Per param, its optimizer-state arguments in slot order.
  SmallVector<SmallVector<BlockArgument>> state;
  BlockArgument stepCount;
  llvm::DenseMap<BlockArgument, Operation *> assignedBy;
};

} // namespace

/// Appends an optimizer-state argument for `slot` (of the param at argument
/// index `param`, if any).
BlockArgument TrainStepBuilder::appendArgument(Type type, StringRef slot,
                                               std::optional<unsigned> param) {
  NamedAttrList attrs;
  attrs.append(nn::kOptStateAttrName, builder.getStringAttr(slot));
  if (param)
    attrs.append(nn::kOptParamAttrName, builder.getI64IntegerAttr(*param));
  unsigned index = step.getNumArguments();
  step.insertArgument(index, type, attrs.getDictionary(step.getContext()),
                      step.getLoc());
  return step.getArgument(index);
}

/// Param-major, slot-minor, then the step count (NN_IR.md's contract).
void TrainStepBuilder::appendOptimizerState() {
  SmallVector<StringRef> slots = optimizerSlots(spec);
  for (BlockArgument param : params) {
    state.emplace_back();
    for (StringRef slot : slots)
      state.back().push_back(
          appendArgument(param.getType(), slot, param.getArgNumber()));
  }
  if (usesStepCount(spec))
    stepCount = appendArgument(RankedTensorType::get({}, builder.getF32Type()),
                               "step", std::nullopt);
}

/// Emits `nn.assign target, value`; `source` is the op that asks for it,
/// named when two ops would assign the same argument.
LogicalResult TrainStepBuilder::assign(BlockArgument target, Value value,
                                       Operation *source) {
  auto [it, inserted] = assignedBy.try_emplace(target, source);
  if (!inserted) {
    InFlightDiagnostic diag =
        source->emitError()
        << "argument #" << target.getArgNumber() << " of @" << loss
        << " would receive two updates in @" << step.getSymName();
    diag.attachNote(it->second->getLoc()) << "the other update comes from here";
    return diag;
  }
  builder.create<nn::AssignOp>(source->getLoc(), target, value);
  return success();
}

/// The step count first (the bias corrections read the new one), then each
/// param and its slots.
LogicalResult TrainStepBuilder::emitUpdates() {
  builder.setInsertionPoint(ret);
  autodiff::GradBuilder b(builder, ret.getLoc());
  Value count;
  if (stepCount) {
    count = b.add(stepCount, b.one(stepCount));
    if (failed(assign(stepCount, count, ret)))
      return failure();
  }
  OptimizerBuilder optimizer(b, spec, count);
  for (auto [index, param] : llvm::enumerate(params)) {
    ValueRange slots = ArrayRef<BlockArgument>(state[index]);
    ParamUpdate update =
        optimizer.update(param, ret.getOperand(index + 1), slots);
    if (failed(assign(param, update.param, ret)))
      return failure();
    for (auto [slot, value] : llvm::zip(state[index], update.slots))
      if (failed(assign(slot, value, ret)))
        return failure();
  }
  return success();
}

/// A training batch_norm whose running mean or variance is an nn.state
/// argument writes the op's new statistics back to that argument.
LogicalResult TrainStepBuilder::assignRunningStatistics() {
  SmallVector<nn::BatchNormOp> norms(step.getBody().getOps<nn::BatchNormOp>());
  for (nn::BatchNormOp norm : norms) {
    if (!norm.getTraining())
      continue;
    for (auto [old, updated] : {std::pair(norm.getMean(), norm.getNewMean()),
                                std::pair(norm.getVar(), norm.getNewVar())}) {
      auto arg = dyn_cast<BlockArgument>(old);
      if (arg && step.getArgAttr(arg.getArgNumber(), nn::kStateAttrName) &&
          failed(assign(arg, updated, norm)))
        return failure();
    }
  }
  return success();
}

void TrainStepBuilder::returnLossAlone() {
  Value lossValue = ret.getOperand(0);
  builder.create<func::ReturnOp>(ret.getLoc(), lossValue);
  ret.erase();
  step.setFunctionType(
      builder.getFunctionType(step.getArgumentTypes(), lossValue.getType()));
  step->setAttr(nn::kOptimizerAttrName, builder.getStringAttr(spec.str()));
}

LogicalResult TrainStepBuilder::run() {
  for (BlockArgument arg : step.getArguments())
    if (step.getArgAttr(arg.getArgNumber(), nn::kParamAttrName))
      params.push_back(arg);
  if (params.empty())
    return step.emitError() << "@" << loss
                            << " has no nn.param argument: there is nothing "
                               "to train";
  appendOptimizerState();
  if (failed(emitUpdates()) || failed(assignRunningStatistics()))
    return failure();
  returnLossAlone();
  return success();
}

FailureOr<func::FuncOp>
nnc::buildTrainStepFunction(ModuleOp module, StringRef function,
                            const OptimizerSpec &optimizer) {
  FailureOr<func::FuncOp> step =
      buildGradientFunction(module, function, trainStepFunctionName(function));
  if (failed(step))
    return failure();
  if (failed(TrainStepBuilder(*step, function, optimizer).run())) {
    step->erase();
    return failure();
  }
  return step;
}
