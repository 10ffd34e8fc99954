//===- Signature.cpp - the entries of a model and their tensors -----------===//

#include "compiler/driver/Signature.h"

#include "compiler/transforms/Passes.h"
#include "dialects/nn/IR/NNOps.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/LLVMIR/LLVMDialect.h"
#include "llvm/ADT/StringMap.h"

using namespace mlir;
using namespace nnc;

static std::optional<nnc_dtype_t> dtypeOf(Type type) {
  if (type.isF32())
    return NNC_DTYPE_F32;
  if (type.isF64())
    return NNC_DTYPE_F64;
  if (type.isSignlessInteger(64))
    return NNC_DTYPE_I64;
  if (type.isSignlessInteger(32))
    return NNC_DTYPE_I32;
  if (type.isSignlessInteger(1))
    return NNC_DTYPE_BOOL;
  return std::nullopt;
}

/// Describes one argument or result; `what` names it in diagnostics.
static FailureOr<TensorSignature> describe(func::FuncOp func, Type type,
                                           const Twine &what) {
  auto tensor = dyn_cast<RankedTensorType>(type);
  std::optional<nnc_dtype_t> dtype =
      tensor ? dtypeOf(tensor.getElementType()) : std::nullopt;
  if (!dtype)
    return func.emitError()
           << what << " of @" << func.getSymName() << " has type " << type
           << "; entries take ranked tensors of f32, f64, "
              "i64, i32 or i1";
  TensorSignature signature;
  signature.dtype = *dtype;
  for (auto [dim, size] : llvm::enumerate(tensor.getShape())) {
    if (ShapedType::isDynamic(size) && dim != 0)
      return func.emitError()
             << what << " of @" << func.getSymName() << " has type " << type
             << ": only the leading (batch) size may be "
                "dynamic";
    signature.shape.push_back(ShapedType::isDynamic(size) ? -1 : size);
  }
  return signature;
}

/// An argument's own name: its nn.name, else "argN".
static std::string plainArgumentName(func::FuncOp func, unsigned index) {
  if (auto name = func.getArgAttrOfType<StringAttr>(index, nn::kNameAttrName))
    return name.str();
  return "arg" + std::to_string(index);
}

/// The descriptor name of argument `index`. Optimizer state is named after
/// its parameter and slot ("w1.exp_avg"); the step count of adam is "step".
static FailureOr<std::string> argumentName(func::FuncOp func, unsigned index) {
  auto slot = func.getArgAttrOfType<StringAttr>(index, nn::kOptStateAttrName);
  if (!slot)
    return plainArgumentName(func, index);
  auto param = func.getArgAttrOfType<IntegerAttr>(index, nn::kOptParamAttrName);
  if (!param)
    return slot.str();
  int64_t owner = param.getInt();
  if (owner < 0 || owner >= int64_t(func.getNumArguments()))
    return func.emitError()
           << "argument #" << index << " of @" << func.getSymName() << ": '"
           << nn::kOptParamAttrName << "' = " << owner
           << " is not an argument index (the function has "
           << func.getNumArguments() << ")";
  return plainArgumentName(func, unsigned(owner)) + "." + slot.str();
}

/// Checkpoints and tools find arguments by name, so names must not repeat.
static LogicalResult checkUniqueNames(func::FuncOp func,
                                      const EntrySignature &entry) {
  llvm::StringMap<size_t> seen;
  for (auto [index, arg] : llvm::enumerate(entry.args)) {
    auto [it, inserted] = seen.try_emplace(arg.name, index);
    if (!inserted)
      return func.emitError()
             << "arguments #" << it->second << " and #" << index << " of @"
             << func.getSymName() << " are both named '" << arg.name << "'";
  }
  return success();
}

nnc_role_t nnc::argumentRole(func::FuncOp func, unsigned index) {
  if (func.getArgAttr(index, nn::kParamAttrName))
    return NNC_ROLE_PARAM;
  if (func.getArgAttr(index, nn::kStateAttrName))
    return NNC_ROLE_STATE;
  if (func.getArgAttr(index, nn::kOptStateAttrName))
    return NNC_ROLE_OPT_STATE;
  return NNC_ROLE_INPUT;
}

static FailureOr<EntrySignature> describeEntry(func::FuncOp func) {
  EntrySignature entry;
  entry.name = func.getSymName().str();
  for (auto [index, type] : llvm::enumerate(func.getArgumentTypes())) {
    FailureOr<TensorSignature> arg =
        describe(func, type, "argument #" + Twine(index));
    FailureOr<std::string> name = argumentName(func, index);
    if (failed(arg) || failed(name))
      return failure();
    arg->name = *name;
    arg->role = argumentRole(func, index);
    if (auto init = func.getArgAttrOfType<StringAttr>(index, nn::kInitAttrName))
      arg->init = init.str();
    entry.args.push_back(*arg);
  }
  for (auto [index, type] : llvm::enumerate(func.getResultTypes())) {
    FailureOr<TensorSignature> result =
        describe(func, type, "result #" + Twine(index));
    if (failed(result))
      return failure();
    result->name = "result" + std::to_string(index);
    result->role = NNC_ROLE_RESULT;
    entry.results.push_back(*result);
  }
  if (failed(checkUniqueNames(func, entry)))
    return failure();
  return entry;
}

/// A reshape to a dynamic batch must keep the batch: [?, a, b] -> [?, a·b],
/// never [?, 4] -> [?, 2], where the result's `?` would be 2N.
static LogicalResult checkBatchPreservingReshapes(ModuleOp module) {
  WalkResult result = module.walk([](nn::ReshapeOp op) {
    RankedTensorType from = op.getX().getType(), to = op.getType();
    if (to.getRank() == 0 || !to.isDynamicDim(0))
      return WalkResult::advance();
    int64_t inner = 1, outer = 1;
    for (int64_t size : from.getShape().drop_front())
      inner *= size;
    for (int64_t size : to.getShape().drop_front())
      outer *= size;
    if (from.getRank() > 0 && from.isDynamicDim(0) && inner == outer)
      return WalkResult::advance();
    op.emitOpError() << "reshapes " << from << " to " << to
                     << ", changing what the batch size means; the compiled "
                        "ABI needs the leading size kept";
    return WalkResult::interrupt();
  });
  return failure(result.wasInterrupted());
}

/// Compiled code cannot call what has no body.
static LogicalResult checkNoDeclarations(ModuleOp module) {
  for (auto func : module.getOps<func::FuncOp>())
    if (func.isExternal())
      return func.emitError()
             << "@" << func.getSymName() << " is a declaration without a body";
  return success();
}

/// Only entries update their caller's tensors (nn.assign).
static LogicalResult checkAssignmentsOnlyInEntries(ModuleOp module) {
  WalkResult result = module.walk([&](func::CallOp call) {
    auto callee = module.lookupSymbol<func::FuncOp>(call.getCallee());
    return callee && failed(nn::checkCalleeAssignsNothing(call, callee))
               ? WalkResult::interrupt()
               : WalkResult::advance();
  });
  return failure(result.wasInterrupted());
}

FailureOr<std::vector<EntrySignature>>
nnc::collectEntrySignatures(ModuleOp module) {
  if (failed(checkNoDeclarations(module)) ||
      failed(checkBatchPreservingReshapes(module)) ||
      failed(checkAssignmentsOnlyInEntries(module)))
    return failure();
  std::vector<EntrySignature> entries;
  for (auto func : module.getOps<func::FuncOp>()) {
    if (!func.isPublic() || func.isExternal())
      continue;
    FailureOr<EntrySignature> entry = describeEntry(func);
    if (failed(entry))
      return failure();
    entries.push_back(std::move(*entry));
  }
  if (entries.empty())
    return module.emitError() << "the module has no public function to compile";
  return entries;
}

void nnc::readArenaSizes(ModuleOp lowered,
                         std::vector<EntrySignature> &entries) {
  for (EntrySignature &entry : entries) {
    Operation *func = lowered.lookupSymbol(entry.name);
    if (!func)
      continue;
    if (auto bytes = func->getAttrOfType<IntegerAttr>(kArenaBytesAttr))
      entry.arenaBytes = bytes.getInt();
    if (auto bytes = func->getAttrOfType<IntegerAttr>(kArenaBytesPerBatchAttr))
      entry.arenaBytesPerBatch = bytes.getInt();
  }
}
