//===- Interpreter.cpp - the reference interpreter of nn IR ---------------===//
//
// Functions are straight-line (one block, no control flow), so evaluating one
// is a single walk over its ops in order, binding every SSA value to a
// concrete tensor. Each op's semantics live in its kernel; this file only
// handles functions, calls, constants and the checks at their boundaries.
//
//===----------------------------------------------------------------------===//

#include "compiler/interpreter/Interpreter.h"
#include "compiler/interpreter/KernelRegistry.h"
#include "compiler/interpreter/kernels/KernelUtils.h"
#include "dialects/nn/IR/NNOps.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/raw_ostream.h"

using namespace mlir;
using namespace nnc;
using namespace nnc::interp;

/// "f32 [2, 785]" for messages.
static std::string describe(const RefTensor &tensor) {
  return std::string(dtypeName(tensor.dtype)) + " " + shapeString(tensor.shape);
}

/// A type as written in the IR: diagnostics would quote it ('tensor<2xf32>').
static std::string typeString(Type type) {
  std::string text;
  llvm::raw_string_ostream(text) << type;
  return text;
}

/// True when `tensor` has `type`'s dtype and rank and agrees with each of
/// its static sizes (a `?` matches any size).
static bool matchesType(RankedTensorType type, const RefTensor &tensor) {
  if (dtypeOf(type.getElementType()) != tensor.dtype ||
      type.getRank() != tensor.rank())
    return false;
  for (int64_t d = 0; d < type.getRank(); ++d)
    if (!type.isDynamicDim(d) && type.getDimSize(d) != tensor.shape[d])
      return false;
  return true;
}

/// True when the element vector of `tensor`'s dtype holds size() elements.
static bool isWellFormed(const RefTensor &tensor) {
  size_t held = tensor.isFloat() ? tensor.floats.size() : tensor.ints.size();
  return static_cast<int64_t>(held) == tensor.size();
}

static LogicalResult checkArgument(func::FuncOp func, unsigned index,
                                   const RefTensor &arg) {
  Type declared = func.getArgumentTypes()[index];
  auto type = dyn_cast<RankedTensorType>(declared);
  if (!type || !dtypeOf(type.getElementType()))
    return func.emitError()
           << "@" << func.getSymName() << " argument #" << index << " has type "
           << typeString(declared)
           << ", which the interpreter does not support (expected a ranked "
              "tensor of f32, f64, i64, i32 or i1)";
  if (!isWellFormed(arg))
    return func.emitError()
           << "@" << func.getSymName() << " argument #" << index << " ("
           << describe(arg) << ") does not hold " << arg.size() << " elements";
  if (!matchesType(type, arg))
    return func.emitError()
           << "@" << func.getSymName() << " argument #" << index << " expects "
           << typeString(type) << ", got " << describe(arg);
  return success();
}

static LogicalResult checkArguments(func::FuncOp func,
                                    const std::vector<RefTensor> &args) {
  unsigned expected = func.getNumArguments();
  if (args.size() != expected)
    return func.emitError()
           << "@" << func.getSymName() << " expects " << expected
           << (expected == 1 ? " argument" : " arguments") << ", got "
           << args.size();
  for (unsigned i = 0; i < expected; ++i)
    if (failed(checkArgument(func, i, args[i])))
      return failure();
  return success();
}

/// Checks what a kernel (or call) produced against the op's declared result
/// types, so a kernel bug surfaces at the op rather than downstream.
static LogicalResult checkResults(Operation *op,
                                  const std::vector<RefTensor> &results) {
  if (results.size() != op->getNumResults())
    return op->emitOpError() << "produced " << results.size()
                             << " results but declares " << op->getNumResults();
  for (auto [index, value, tensor] :
       llvm::enumerate(op->getResults(), results)) {
    auto type = dyn_cast<RankedTensorType>(value.getType());
    if (!type || !isWellFormed(tensor) || !matchesType(type, tensor))
      return op->emitOpError()
             << "result #" << index << " is declared "
             << typeString(value.getType()) << " but the interpreter computed "
             << describe(tensor);
  }
  return success();
}

/// The tensor of a dense `arith.constant` (splat or not).
static FailureOr<RefTensor> evaluateConstant(arith::ConstantOp op) {
  auto dense = dyn_cast<DenseElementsAttr>(op.getValue());
  auto type = dyn_cast<RankedTensorType>(op.getType());
  std::optional<DType> dtype =
      type ? dtypeOf(type.getElementType()) : std::nullopt;
  if (!dense || !dtype)
    return op.emitOpError() << "of type " << typeString(op.getType())
                            << " is not supported by the interpreter "
                               "(expected a dense tensor of f32, f64, i64, "
                               "i32 or i1)";
  RefTensor tensor = RefTensor::zeros(*dtype, Shape(type.getShape()));
  int64_t i = 0;
  if (tensor.isFloat()) {
    for (const APFloat &value : dense.getValues<APFloat>())
      tensor.floats[i++] = value.convertToDouble();
  } else {
    // An i1 `true` is the 1-bit pattern 1, which sign-extends to -1.
    for (const APInt &value : dense.getValues<APInt>())
      tensor.ints[i++] =
          *dtype == DType::Bool ? value.getBoolValue() : value.getSExtValue();
  }
  return tensor;
}

namespace {

/// Evaluates the functions of one module. Keeps the chain of active calls:
/// without control flow a recursive call could never end, so it is an error.
class Evaluator {
public:
  explicit Evaluator(ModuleOp module) : module(module) {}

  /// Calls `func`; `updatedArgs`, when given, receives `args` with the
  /// function's assignments applied.
  FailureOr<std::vector<RefTensor>>
  call(func::FuncOp func, const std::vector<RefTensor> &args,
       std::vector<RefTensor> *updatedArgs = nullptr);

private:
  using Env = llvm::DenseMap<Value, RefTensor>;

  FailureOr<std::vector<RefTensor>>
  evaluateBody(func::FuncOp func, const std::vector<RefTensor> &args,
               std::vector<RefTensor> *updatedArgs);
  LogicalResult evaluate(Operation &op, Env &values);
  LogicalResult evaluateCall(func::CallOp op,
                             const std::vector<RefTensor> &operands,
                             std::vector<RefTensor> &results);

  ModuleOp module;
  llvm::SmallVector<func::FuncOp> active;
};

} // namespace

/// The tensors bound to `range`, in order.
template <typename Range>
static std::vector<RefTensor>
gather(const llvm::DenseMap<Value, RefTensor> &env, Range &&range) {
  std::vector<RefTensor> tensors;
  for (Value value : range) {
    auto it = env.find(value);
    assert(it != env.end() && "operand used before it was computed");
    tensors.push_back(it->second);
  }
  return tensors;
}

FailureOr<std::vector<RefTensor>>
Evaluator::call(func::FuncOp func, const std::vector<RefTensor> &args,
                std::vector<RefTensor> *updatedArgs) {
  if (failed(checkArguments(func, args)))
    return failure();
  if (func.isExternal())
    return func.emitError()
           << "@" << func.getSymName() << " is a declaration without a body";
  if (!func.getBody().hasOneBlock())
    return func.emitError()
           << "@" << func.getSymName() << " has "
           << func.getBody().getBlocks().size()
           << " blocks; the interpreter runs straight-line functions only";
  if (llvm::is_contained(active, func))
    return func.emitError() << "@" << func.getSymName()
                            << " is called recursively, which cannot "
                               "terminate without control flow";
  active.push_back(func);
  FailureOr<std::vector<RefTensor>> results =
      evaluateBody(func, args, updatedArgs);
  active.pop_back();
  return results;
}

/// nn.assign takes effect when the function returns (reads of the argument
/// inside the function see its old value), so assignments wait until then.
/// This is the interpreter's part of nn.assign; it has no kernel because it
/// acts on the caller's arguments, not on values.
FailureOr<std::vector<RefTensor>>
Evaluator::evaluateBody(func::FuncOp func, const std::vector<RefTensor> &args,
                        std::vector<RefTensor> *updatedArgs) {
  Block &block = func.getBody().front();
  Env values;
  for (auto [arg, tensor] : llvm::zip(block.getArguments(), args))
    values[arg] = tensor;
  llvm::SmallVector<nn::AssignOp> assignments;
  for (Operation &op : block) {
    if (auto ret = dyn_cast<func::ReturnOp>(op)) {
      if (updatedArgs) {
        *updatedArgs = args;
        for (nn::AssignOp assign : assignments)
          (*updatedArgs)[assign.getTargetArgument().getArgNumber()] =
              values.lookup(assign.getValue());
      }
      return gather(values, ret.getOperands());
    }
    if (auto assign = dyn_cast<nn::AssignOp>(op))
      assignments.push_back(assign);
    else if (failed(evaluate(op, values)))
      return failure();
  }
  return func.emitError() << "@" << func.getSymName()
                          << " ends without func.return";
}

LogicalResult Evaluator::evaluate(Operation &op, Env &values) {
  std::vector<RefTensor> operands = gather(values, op.getOperands());
  std::vector<RefTensor> results;
  if (auto constant = dyn_cast<arith::ConstantOp>(op)) {
    FailureOr<RefTensor> tensor = evaluateConstant(constant);
    if (failed(tensor))
      return failure();
    results.push_back(std::move(*tensor));
  } else if (auto callOp = dyn_cast<func::CallOp>(op)) {
    if (failed(evaluateCall(callOp, operands, results)))
      return failure();
  } else {
    const Kernel *kernel = KernelRegistry::get().lookup(&op);
    if (!kernel)
      return op.emitError()
             << "the interpreter has no kernel for '" << op.getName() << "'";
    if (failed((*kernel)(&op, operands, results)))
      return failure();
  }
  if (failed(checkResults(&op, results)))
    return failure();
  for (auto [value, tensor] : llvm::zip(op.getResults(), results))
    values[value] = std::move(tensor);
  return success();
}

LogicalResult Evaluator::evaluateCall(func::CallOp op,
                                      const std::vector<RefTensor> &operands,
                                      std::vector<RefTensor> &results) {
  auto callee = module.lookupSymbol<func::FuncOp>(op.getCallee());
  if (!callee)
    return op.emitOpError() << "calls '@" << op.getCallee()
                            << "', which is not a func.func of the module";
  if (failed(nn::checkCalleeAssignsNothing(op, callee)))
    return failure();
  FailureOr<std::vector<RefTensor>> calleeResults = call(callee, operands);
  if (failed(calleeResults))
    return failure();
  results = std::move(*calleeResults);
  return success();
}

FailureOr<std::vector<RefTensor>>
Interpreter::run(StringRef entry, const std::vector<RefTensor> &args,
                 std::vector<RefTensor> *updatedArgs) const {
  // Op handles are cheap copies; their accessors are not const.
  ModuleOp module = this->module;
  if (auto func = module.lookupSymbol<func::FuncOp>(entry))
    return Evaluator(module).call(func, args, updatedArgs);
  std::string available;
  for (auto func : module.getOps<func::FuncOp>())
    available += (available.empty() ? "@" : ", @") + func.getSymName().str();
  InFlightDiagnostic diag = module.emitError()
                            << "no function named '@" << entry << "'";
  if (available.empty())
    diag << " (the module defines no functions)";
  else
    diag << " (available: " << available << ")";
  return diag;
}
