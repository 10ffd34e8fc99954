//===- AbiEmitter.cpp - the C ABI descriptor of a compiled model ----------===//

#include "compiler/backends/cpu/AbiEmitter.h"

#include "llvm/IR/IRBuilder.h"

using namespace llvm;
using namespace nnc;

namespace {

/// LLVM types mirroring the structs of abi.h (natural C layout).
struct AbiTypes {
  explicit AbiTypes(LLVMContext &context)
      : ptr(PointerType::getUnqual(context)), i32(Type::getInt32Ty(context)),
        i64(Type::getInt64Ty(context)),
        tensor(StructType::create(context, {ptr, i32, i32, i32, ptr, ptr},
                                  "nnc_tensor_desc_t")),
        entry(StructType::create(context,
                                 {ptr, i32, i32, ptr, ptr, i64, i64, ptr},
                                 "nnc_entry_desc_t")),
        model(StructType::create(context, {i32, i32, ptr, ptr},
                                 "nnc_model_desc_t")),
        arenaMemref(StructType::get(context, {ptr, ptr, i64,
                                              ArrayType::get(i64, 1),
                                              ArrayType::get(i64, 1)})) {}
  PointerType *ptr;
  IntegerType *i32, *i64;
  StructType *tensor, *entry, *model, *arenaMemref;
};

class Emitter {
public:
  Emitter(Module &module) : module(module), types(module.getContext()) {}

  Error emit(const std::vector<EntrySignature> &entries);

private:
  Constant *string(StringRef text) {
    if (text.empty())
      return ConstantPointerNull::get(types.ptr);
    IRBuilder<> builder(module.getContext());
    return builder.CreateGlobalString(text, ".nnc.str", 0, &module);
  }

  Constant *constantArray(Type *element, ArrayRef<Constant *> values,
                          StringRef name) {
    if (values.empty())
      return ConstantPointerNull::get(types.ptr);
    auto *type = ArrayType::get(element, values.size());
    return new GlobalVariable(module, type, /*isConstant=*/true,
                              GlobalValue::PrivateLinkage,
                              ConstantArray::get(type, values), name);
  }

  Constant *tensorTable(const std::vector<TensorSignature> &tensors);
  Expected<Function *> invokeWrapper(const EntrySignature &entry);
  Constant *entryDescriptor(const EntrySignature &entry, Function *invoke);
  void descriptorFunction(ArrayRef<Constant *> entries);

  Module &module;
  AbiTypes types;
};

Constant *Emitter::tensorTable(const std::vector<TensorSignature> &tensors) {
  SmallVector<Constant *> descs;
  for (const TensorSignature &tensor : tensors) {
    SmallVector<Constant *> sizes;
    for (int64_t size : tensor.shape)
      sizes.push_back(ConstantInt::get(types.i64, size));
    descs.push_back(ConstantStruct::get(
        types.tensor,
        {string(tensor.name), ConstantInt::get(types.i32, tensor.dtype),
         ConstantInt::get(types.i32, tensor.role),
         ConstantInt::get(types.i32, tensor.shape.size()),
         constantArray(types.i64, sizes, ".nnc.shape"), string(tensor.init)}));
  }
  return constantArray(types.tensor, descs, ".nnc.tensors");
}

/// void invoke(void **args, void *arena): unpacks the descriptor pointers
/// and builds the arena's memref<?xi8> descriptor for the C interface.
Expected<Function *> Emitter::invokeWrapper(const EntrySignature &entry) {
  std::string target = "_mlir_ciface_" + entry.name;
  Function *callee = module.getFunction(target);
  size_t tensors = entry.args.size() + entry.results.size();
  if (!callee || callee->arg_size() != tensors + 1)
    return createStringError(inconvertibleErrorCode(),
                             "internal error: no C interface '" + target +
                                 "' taking " + std::to_string(tensors + 1) +
                                 " descriptors");
  LLVMContext &context = module.getContext();
  auto *type = FunctionType::get(Type::getVoidTy(context),
                                 {types.ptr, types.ptr}, false);
  Function *wrapper = Function::Create(type, GlobalValue::InternalLinkage,
                                       "nnc_invoke_" + entry.name, module);
  IRBuilder<> builder(BasicBlock::Create(context, "entry", wrapper));
  SmallVector<Value *> operands;
  for (size_t i = 0; i < tensors; ++i) {
    Value *slot = builder.CreateConstGEP1_64(types.ptr, wrapper->getArg(0), i);
    operands.push_back(builder.CreateLoad(types.ptr, slot));
  }
  Value *arena = wrapper->getArg(1);
  Value *memref = UndefValue::get(types.arenaMemref);
  memref = builder.CreateInsertValue(memref, arena, {0});
  memref = builder.CreateInsertValue(memref, arena, {1});
  memref = builder.CreateInsertValue(memref, builder.getInt64(0), {2});
  // The plan's views never read the size; INT64_MAX says "unbounded".
  memref = builder.CreateInsertValue(memref, builder.getInt64(INT64_MAX), {3, 0});
  memref = builder.CreateInsertValue(memref, builder.getInt64(1), {4, 0});
  Value *slot = builder.CreateAlloca(types.arenaMemref);
  builder.CreateStore(memref, slot);
  operands.push_back(slot);
  builder.CreateCall(callee, operands);
  builder.CreateRetVoid();
  return wrapper;
}

Constant *Emitter::entryDescriptor(const EntrySignature &entry,
                                   Function *invoke) {
  return ConstantStruct::get(
      types.entry,
      {string(entry.name), ConstantInt::get(types.i32, entry.args.size()),
       ConstantInt::get(types.i32, entry.results.size()),
       tensorTable(entry.args), tensorTable(entry.results),
       ConstantInt::get(types.i64, entry.arenaBytes),
       ConstantInt::get(types.i64, entry.arenaBytesPerBatch), invoke});
}

void Emitter::descriptorFunction(ArrayRef<Constant *> entries) {
  Constant *model = ConstantStruct::get(
      types.model, {ConstantInt::get(types.i32, NNC_ABI_VERSION),
                    ConstantInt::get(types.i32, entries.size()),
                    constantArray(types.entry, entries, ".nnc.entries"),
                    string("nnc 0.1")});
  auto *global = new GlobalVariable(module, types.model, true,
                                    GlobalValue::PrivateLinkage, model,
                                    ".nnc.model");
  auto *type = FunctionType::get(types.ptr, {}, false);
  Function *function =
      Function::Create(type, GlobalValue::ExternalLinkage,
                       NNC_MODEL_DESCRIPTOR_SYMBOL, module);
  function->setVisibility(GlobalValue::DefaultVisibility);
  IRBuilder<> builder(BasicBlock::Create(module.getContext(), "entry", function));
  builder.CreateRet(global);
}

Error Emitter::emit(const std::vector<EntrySignature> &entries) {
  SmallVector<Constant *> descriptors;
  for (const EntrySignature &entry : entries) {
    Expected<Function *> invoke = invokeWrapper(entry);
    if (!invoke)
      return invoke.takeError();
    descriptors.push_back(entryDescriptor(entry, *invoke));
  }
  // Only the descriptor is the model's interface.
  for (Function &function : module)
    if (!function.isDeclaration())
      function.setLinkage(GlobalValue::InternalLinkage);
  descriptorFunction(descriptors);
  return Error::success();
}

} // namespace

Error nnc::emitAbi(Module &module, const std::vector<EntrySignature> &entries) {
  return Emitter(module).emit(entries);
}
