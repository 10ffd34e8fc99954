//===- NNDialect.cpp - nn dialect registration and argument roles --------===//

#include "dialects/nn/IR/NNDialect.h"
#include "dialects/nn/IR/NNOps.h"

#include "mlir/Interfaces/FunctionInterfaces.h"
#include "llvm/ADT/StringExtras.h"

using namespace mlir;
using namespace mlir::nn;

#include "dialects/nn/IR/NNOpsDialect.cpp.inc"

void NNDialect::initialize() {
  addOperations<
#define GET_OP_LIST
#include "dialects/nn/IR/NNOps.cpp.inc"
      >();
}

ArrayRef<StringRef> mlir::nn::initializerNames() {
  static const StringRef names[] = {
      "zeros",          "ones",          "normal",     "uniform",
      "xavier_uniform", "xavier_normal", "he_uniform", "he_normal"};
  return names;
}

/// Folded values become arith.constant: nn has no constant op of its own.
Operation *NNDialect::materializeConstant(OpBuilder &builder, Attribute value,
                                          Type type, Location loc) {
  auto typed = dyn_cast<TypedAttr>(value);
  if (!typed || typed.getType() != type)
    return nullptr;
  return builder.create<arith::ConstantOp>(loc, type, typed);
}

static LogicalResult verifyInitAttr(Operation *op, unsigned argIndex,
                                    Attribute value, DictionaryAttr argAttrs) {
  auto name = dyn_cast<StringAttr>(value);
  if (!name)
    return op->emitOpError() << "argument " << argIndex << ": '"
                             << kInitAttrName << "' must be a string";
  if (!llvm::is_contained(initializerNames(), name.getValue())) {
    std::string known = llvm::join(initializerNames(), ", ");
    return op->emitOpError()
           << "argument " << argIndex << ": unknown initializer '"
           << name.getValue() << "' (expected one of " << known << ")";
  }
  if (!argAttrs.contains(kParamAttrName) && !argAttrs.contains(kStateAttrName))
    return op->emitOpError() << "argument " << argIndex << ": '"
                             << kInitAttrName << "' needs '" << kParamAttrName
                             << "' or '" << kStateAttrName << "'";
  return success();
}

/// Names appear in descriptors, C headers and checkpoint files: printable,
/// never empty.
static LogicalResult verifyNameAttr(Operation *op, unsigned argIndex,
                                    Attribute value) {
  auto name = dyn_cast<StringAttr>(value);
  if (!name || name.getValue().empty())
    return op->emitOpError() << "argument " << argIndex << ": '"
                             << kNameAttrName << "' must be a non-empty string";
  if (llvm::any_of(name.getValue(), [](char c) { return !llvm::isPrint(c); }))
    return op->emitOpError()
           << "argument " << argIndex << ": '" << kNameAttrName
           << "' must hold printable characters only";
  return success();
}

/// Checks the role attributes nn.param, nn.state and nn.init on a function
/// argument: they name what the driver allocates, initializes and updates.
LogicalResult NNDialect::verifyRegionArgAttribute(Operation *op,
                                                  unsigned regionIndex,
                                                  unsigned argIndex,
                                                  NamedAttribute attribute) {
  auto func = dyn_cast<FunctionOpInterface>(op);
  if (!func)
    return op->emitOpError() << "'" << attribute.getName().getValue()
                             << "' is only valid on function arguments";
  Type argType = func.getArgumentTypes()[argIndex];
  DictionaryAttr argAttrs = func.getArgAttrDict(argIndex);
  StringRef attrName = attribute.getName().getValue();
  if (attrName == kParamAttrName || attrName == kStateAttrName) {
    if (!isa<UnitAttr>(attribute.getValue()))
      return op->emitOpError() << "argument " << argIndex << ": '" << attrName
                               << "' must be a unit attribute";
    auto tensor = dyn_cast<RankedTensorType>(argType);
    if (!tensor || !isa<FloatType>(tensor.getElementType()) ||
        !tensor.hasStaticShape())
      return op->emitOpError()
             << "argument " << argIndex << ": '" << attrName
             << "' needs a statically shaped float tensor, got " << argType;
    if (argAttrs.contains(kParamAttrName) && argAttrs.contains(kStateAttrName))
      return op->emitOpError()
             << "argument " << argIndex << " cannot be both '" << kParamAttrName
             << "' and '" << kStateAttrName << "'";
    return success();
  }
  if (attrName == kInitAttrName)
    return verifyInitAttr(op, argIndex, attribute.getValue(), argAttrs);
  if (attrName == kNameAttrName)
    return verifyNameAttr(op, argIndex, attribute.getValue());
  return op->emitOpError() << "argument " << argIndex
                           << ": unknown nn argument attribute '" << attrName
                           << "' (expected nn.param, nn.state, nn.init or "
                              "nn.name)";
}

/// Roles belong to arguments: a result marked nn.param would be ignored.
LogicalResult NNDialect::verifyRegionResultAttribute(Operation *op,
                                                     unsigned regionIndex,
                                                     unsigned resultIndex,
                                                     NamedAttribute attribute) {
  return op->emitOpError() << "result " << resultIndex << ": '"
                           << attribute.getName().getValue()
                           << "' is only valid on function arguments";
}
