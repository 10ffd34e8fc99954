//===- Differentiate.cpp - reverse-mode differentiation of a loss ---------===//
//
// @F_grad starts as a copy of @F with its calls inlined. Activity analysis
// then finds the values that both depend on a param ("varied") and reach
// the loss ("useful"): only ops with an active result get cotangents, so
// dead branches and non-differentiable inputs (labels, seeds) cost nothing.
// Walking the forward ops backwards, each active op's VJP rule emits its
// operands' gradients before the return; a value used several times (fan-out,
// shared weights, several heads) sums its gradients with nn.add. Backward
// ops read the forward values they need (activations, masks' inputs, the
// results of sigmoid, exp, div, ...) instead of recomputing them; only
// values the forward graph never formed (softmax inside a cross-entropy)
// are built anew.
//
//===----------------------------------------------------------------------===//

#include "compiler/autodiff/Autodiff.h"
#include "compiler/autodiff/GradBuilder.h"
#include "compiler/autodiff/InlineCalls.h"
#include "dialects/nn/IR/NNInterfaces.h"
#include "dialects/nn/IR/NNOps.h"

#include "llvm/ADT/DenseSet.h"

using namespace mlir;
using namespace nnc;
using nnc::autodiff::GradBuilder;

std::string nnc::gradientFunctionName(StringRef function) {
  return (function + "_grad").str();
}

static bool isFloatTensor(Value value) {
  auto type = dyn_cast<RankedTensorType>(value.getType());
  return type && isa<FloatType>(type.getElementType());
}

namespace {

class Differentiator {
public:
  Differentiator(func::FuncOp function, StringRef name)
      : function(function), name(name), builder(function.getContext()) {}

  LogicalResult run();

private:
  void markVaried();
  void markUseful(Value loss);
  bool isActive(Value value) const {
    return varied.contains(value) && useful.contains(value);
  }
  LogicalResult backpropagate(Operation *op);
  LogicalResult accumulate(Operation *op, unsigned index, Value grad);
  Value gradientOf(BlockArgument param, unsigned paramIndex);

  func::FuncOp function;
  StringRef name;
  OpBuilder builder;
  llvm::DenseSet<Value> varied, useful;
  llvm::DenseMap<Value, Value> cotangents;
};

} // namespace

/// Values computed from a param, in program order.
void Differentiator::markVaried() {
  for (BlockArgument arg : function.getArguments())
    if (function.getArgAttr(arg.getArgNumber(), nn::kParamAttrName))
      varied.insert(arg);
  for (Operation &op : function.getBody().front()) {
    if (llvm::none_of(op.getOperands(),
                      [&](Value v) { return varied.contains(v); }))
      continue;
    for (Value result : op.getResults())
      if (isFloatTensor(result))
        varied.insert(result);
  }
}

/// Values the loss is computed from, in reverse program order.
void Differentiator::markUseful(Value loss) {
  useful.insert(loss);
  for (Operation &op : llvm::reverse(function.getBody().front())) {
    if (llvm::none_of(op.getResults(),
                      [&](Value v) { return useful.contains(v); }))
      continue;
    for (Value operand : op.getOperands())
      if (isFloatTensor(operand))
        useful.insert(operand);
  }
}

/// Adds `grad` to the cotangent of operand `index` of `op`.
LogicalResult Differentiator::accumulate(Operation *op, unsigned index,
                                         Value grad) {
  Value operand = op->getOperand(index);
  if (!grad || !isActive(operand))
    return success();
  if (grad.getType() != operand.getType())
    return op->emitOpError()
           << "VJP rule gave operand #" << index << " a gradient of type "
           << grad.getType() << ", expected " << operand.getType();
  Value &sum = cotangents[operand];
  sum = sum ? builder.create<nn::AddOp>(op->getLoc(), sum, grad).getResult()
            : grad;
  return success();
}

LogicalResult Differentiator::backpropagate(Operation *op) {
  SmallVector<Value> results;
  for (Value result : op->getResults())
    results.push_back(isActive(result) ? cotangents.lookup(result) : Value());
  if (llvm::all_of(results, [](Value v) { return !v; }))
    return success();
  auto differentiable = dyn_cast<nn::DifferentiableOpInterface>(op);
  if (!differentiable)
    return op->emitError() << "op '" << op->getName()
                           << "' has no VJP rule yet";
  FailureOr<SmallVector<Value>> grads =
      differentiable.buildVjp(builder, results);
  if (failed(grads))
    return failure();
  if (grads->size() != op->getNumOperands())
    return op->emitOpError()
           << "VJP rule gave " << grads->size() << " gradients for "
           << op->getNumOperands() << " operands";
  for (auto [index, grad] : llvm::enumerate(*grads))
    if (failed(accumulate(op, index, grad)))
      return failure();
  return success();
}

/// The accumulated gradient of `param`, or zeros with a warning when the
/// param does not reach the loss.
Value Differentiator::gradientOf(BlockArgument param, unsigned paramIndex) {
  if (Value grad = cotangents.lookup(param))
    return grad;
  emitWarning(param.getLoc())
      << "parameter #" << paramIndex << " (argument #" << param.getArgNumber()
      << ") of @" << name << " does not reach the loss; its gradient is zero";
  GradBuilder b(builder, param.getLoc());
  return b.splat(0.0, cast<RankedTensorType>(param.getType()));
}

LogicalResult Differentiator::run() {
  Block &body = function.getBody().front();
  auto ret = cast<func::ReturnOp>(body.getTerminator());
  Value loss = ret.getOperand(0);
  markVaried();
  markUseful(loss);
  SmallVector<Operation *> forward;
  for (Operation &op : body.without_terminator())
    forward.push_back(&op);
  builder.setInsertionPoint(ret);
  if (isActive(loss))
    cotangents[loss] = GradBuilder(builder, ret.getLoc()).one(loss);
  for (Operation *op : llvm::reverse(forward))
    if (failed(backpropagate(op)))
      return failure();
  SmallVector<Value> results = {loss};
  unsigned paramIndex = 0;
  for (BlockArgument arg : function.getArguments())
    if (function.getArgAttr(arg.getArgNumber(), nn::kParamAttrName))
      results.push_back(gradientOf(arg, paramIndex++));
  builder.create<func::ReturnOp>(ret.getLoc(), results);
  ret.erase();
  function.setFunctionType(builder.getFunctionType(
      function.getArgumentTypes(), ValueRange(results).getTypes()));
  function.removeResAttrsAttr();
  return success();
}

/// Checks that @name has a body and returns one scalar f32 loss.
static LogicalResult checkLossFunction(func::FuncOp function, StringRef name) {
  if (function.isExternal() || !function.getBody().hasOneBlock())
    return function.emitError()
           << "@" << name
           << " has no single-block body and cannot be differentiated";
  TypeRange results = function.getResultTypes();
  Type scalar =
      RankedTensorType::get({}, Float32Type::get(function.getContext()));
  if (results.size() == 1 && results[0] == scalar)
    return success();
  std::string got;
  llvm::raw_string_ostream os(got);
  llvm::interleaveComma(results, os);
  return function.emitError() << "@" << name
                              << " must return one scalar tensor<f32> loss, "
                                 "got ("
                              << got << ")";
}

/// Reports that @name is missing, with the functions there are.
static LogicalResult reportMissing(ModuleOp module, StringRef name) {
  std::string available;
  for (auto function : module.getOps<func::FuncOp>())
    available +=
        (available.empty() ? "@" : ", @") + function.getSymName().str();
  return module.emitError()
         << "no function named '@" << name << "' to differentiate"
         << (available.empty() ? " (the module defines no functions)"
                               : " (available: " + available + ")");
}

FailureOr<func::FuncOp> nnc::buildGradientFunction(ModuleOp module,
                                                   StringRef name) {
  return buildGradientFunction(module, name, gradientFunctionName(name));
}

FailureOr<func::FuncOp> nnc::buildGradientFunction(ModuleOp module,
                                                   StringRef name,
                                                   StringRef gradName) {
  auto function = module.lookupSymbol<func::FuncOp>(name);
  if (!function)
    return reportMissing(module, name);
  if (failed(checkLossFunction(function, name)))
    return failure();
  if (module.lookupSymbol(gradName))
    return function.emitError()
           << "cannot add @" << gradName << ": the module already defines it";
  func::FuncOp grad = function.clone();
  grad.setSymName(gradName);
  module.getBody()->getOperations().insertAfter(function->getIterator(), grad);
  if (failed(autodiff::inlineCalls(grad, module)) ||
      failed(Differentiator(grad, name).run())) {
    grad.erase();
    return failure();
  }
  return grad;
}
