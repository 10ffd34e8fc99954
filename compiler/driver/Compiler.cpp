//===- Compiler.cpp - the C++ API that compiles nn models -----------------===//

#include "compiler/driver/Compiler.h"

#include "compiler/InitAll.h"
#include "compiler/autodiff/Autodiff.h"
#include "compiler/backends/cpu/AbiEmitter.h"
#include "compiler/backends/cpu/CpuPipeline.h"
#include "compiler/driver/KernelGraph.h"
#include "compiler/driver/LoadModule.h"
#include "compiler/training/Training.h"

#include "mlir/ExecutionEngine/ExecutionEngine.h"
#include "mlir/ExecutionEngine/OptUtils.h"
#include "mlir/IR/Diagnostics.h"
#include "mlir/Parser/Parser.h"
#include "mlir/Pass/PassManager.h"
#include "mlir/Target/LLVMIR/Dialect/Builtin/BuiltinToLLVMIRTranslation.h"
#include "mlir/Target/LLVMIR/Dialect/LLVMIR/LLVMToLLVMIRTranslation.h"
#include "mlir/Target/LLVMIR/Dialect/OpenMP/OpenMPToLLVMIRTranslation.h"
#include "mlir/Target/LLVMIR/Export.h"
#include "llvm/IR/LLVMContext.h"
#include "llvm/Support/MemoryBuffer.h"

using namespace mlir;
using namespace nnc;

Compiler::Compiler(CompilerOptions options) : options(std::move(options)) {
  DialectRegistry registry;
  registerAllDialects(registry);
  registerBuiltinDialectTranslation(registry);
  registerLLVMDialectTranslation(registry);
  registerOpenMPDialectTranslation(registry);
  mlirContext = std::make_unique<MLIRContext>(registry);
  mlirContext->loadAllAvailableDialects();
  // Diagnostics name the op and its location; a dump of the whole function
  // under every error buries the message.
  mlirContext->printOpOnDiagnostic(false);
  sources = std::make_shared<llvm::SourceMgr>();
}

Compiler::~Compiler() = default;

Status Compiler::withDiagnostics(const std::function<LogicalResult()> &body) {
  std::string text;
  llvm::raw_string_ostream stream(text);
  SourceMgrDiagnosticHandler handler(*sources, mlirContext.get(), stream);
  if (succeeded(body()))
    return Status::success();
  stream.flush();
  while (!text.empty() && text.back() == '\n')
    text.pop_back();
  return Status::error(text.empty() ? "compilation failed" : text);
}

static Status fromLLVMError(llvm::Error error) {
  std::string message = llvm::toString(std::move(error));
  return Status::error(message);
}

LogicalResult Compiler::addDerivedFunctions(ModuleOp module) {
  if (!options.gradFunction.empty() &&
      failed(addGradientFunction(module, options.gradFunction)))
    return failure();
  if (options.trainFunction.empty() && options.optimizerSpec.empty())
    return success();
  return addTrainStepFunction(module, options.trainFunction,
                              options.optimizerSpec);
}

Status Compiler::parseFile(const std::string &path,
                           OwningOpRef<ModuleOp> &module) {
  // Each model gets its own source manager: the parser reads the main
  // (first) buffer, so a shared one would parse the first model again.
  sources = std::make_shared<llvm::SourceMgr>();
  return withDiagnostics([&] {
    module = loadModule(path, *mlirContext, *sources);
    return success(module && succeeded(addDerivedFunctions(*module)));
  });
}

Status Compiler::parseString(const std::string &source,
                             OwningOpRef<ModuleOp> &module) {
  sources = std::make_shared<llvm::SourceMgr>();
  return withDiagnostics([&] {
    sources->AddNewSourceBuffer(
        llvm::MemoryBuffer::getMemBufferCopy(source, "<string>"), SMLoc());
    module = parseSourceFile<ModuleOp>(*sources, mlirContext.get());
    return success(module && succeeded(addDerivedFunctions(*module)));
  });
}

Status Compiler::lowerToLLVMDialect(ModuleOp module,
                                    std::vector<EntrySignature> &entries) {
  if (options.target != "cpu")
    return Status::error("the '" + options.target +
                         "' target is not available in this build (use cpu)");
  if (!machine) {
    auto created = createTargetMachine(options.cpu);
    if (!created)
      return fromLLVMError(created.takeError());
    machine = std::move(*created);
  }
  return withDiagnostics([&]() -> LogicalResult {
    FailureOr<std::vector<EntrySignature>> collected =
        collectEntrySignatures(module);
    if (failed(collected))
      return failure();
    entries = std::move(*collected);
    PassManager pm(mlirContext.get());
    if (options.printIrAfterAll) {
      mlirContext->disableMultithreading();
      pm.enableIRPrinting();
    }
    buildCpuPipeline(pm, vectorLanes(*machine));
    if (failed(pm.run(module)))
      return failure();
    readArenaSizes(module, entries);
    return success();
  });
}

Status Compiler::drawKernels(ModuleOp module, std::string &dot) {
  return withDiagnostics([&]() -> LogicalResult {
    FailureOr<std::string> graph = drawKernelGraph(module);
    if (failed(graph))
      return failure();
    dot = std::move(*graph);
    return success();
  });
}

/// Translation to LLVM IR plus the ABI; shared by the AOT and JIT paths.
static std::unique_ptr<llvm::Module>
buildLLVMModule(Operation *lowered, llvm::LLVMContext &context,
                const std::vector<EntrySignature> &entries) {
  std::unique_ptr<llvm::Module> module =
      translateModuleToLLVMIR(lowered, context, "nnc-model");
  if (!module)
    return nullptr;
  if (llvm::Error error = emitAbi(*module, entries)) {
    lowered->emitError() << llvm::toString(std::move(error));
    return nullptr;
  }
  return module;
}

Status Compiler::translateToLLVMIR(ModuleOp lowered,
                                   std::vector<EntrySignature> entries,
                                   LoweredModel &out) {
  if (!machine) {
    auto created = createTargetMachine(options.cpu);
    if (!created)
      return fromLLVMError(created.takeError());
    machine = std::move(*created);
  }
  out.entries = std::move(entries);
  out.context = std::make_unique<llvm::LLVMContext>();
  Status status = withDiagnostics([&] {
    out.module = buildLLVMModule(lowered, *out.context, out.entries);
    return success(static_cast<bool>(out.module));
  });
  if (!status.ok())
    return status;
  if (llvm::Error error =
          optimizeModule(*out.module, *machine, options.cpu.optLevel))
    return fromLLVMError(std::move(error));
  return Status::success();
}

Status Compiler::emitObject(LoweredModel &model, std::string &bytes,
                            bool assembly) {
  auto emitted = nnc::emitObject(*model.module, *machine, assembly);
  if (!emitted)
    return fromLLVMError(emitted.takeError());
  bytes = std::move(*emitted);
  return Status::success();
}

Status Compiler::emitSharedLibrary(LoweredModel &model,
                                   const std::string &path) {
  std::string object;
  Status status = emitObject(model, object, /*assembly=*/false);
  if (!status.ok())
    return status;
  if (llvm::Error error = linkSharedLibrary(object, path))
    return fromLLVMError(std::move(error));
  return Status::success();
}

Status Compiler::compileModule(ModuleOp module, Executable &out) {
  std::vector<EntrySignature> entries;
  Status status = lowerToLLVMDialect(module, entries);
  if (!status.ok())
    return status;
  if (llvm::Error error = loadOpenMPRuntime())
    return fromLLVMError(std::move(error));
  auto jitMachine = createTargetMachine(options.cpu);
  if (!jitMachine)
    return fromLLVMError(jitMachine.takeError());
  // ExecutionEngineOptions holds a non-owning function_ref: the builder
  // must outlive ExecutionEngine::create.
  auto moduleBuilder = [&](Operation *op, llvm::LLVMContext &context) {
    return buildLLVMModule(op, context, entries);
  };
  ExecutionEngineOptions engineOptions;
  engineOptions.llvmModuleBuilder = moduleBuilder;
  engineOptions.transformer =
      makeOptimizingTransformer(options.cpu.optLevel, 0, jitMachine->get());
  std::unique_ptr<ExecutionEngine> engine;
  std::string jitError;
  status = withDiagnostics([&]() -> LogicalResult {
    auto created =
        ExecutionEngine::create(module, engineOptions, std::move(*jitMachine));
    if (!created) {
      jitError = llvm::toString(created.takeError());
      return failure();
    }
    engine = std::move(*created);
    return success();
  });
  if (!status.ok())
    return Status::error(jitError.empty() ? status.message() : jitError);
  auto symbol = engine->lookup(NNC_MODEL_DESCRIPTOR_SYMBOL);
  if (!symbol)
    return fromLLVMError(symbol.takeError());
  auto describe = reinterpret_cast<nnc_model_descriptor_fn>(*symbol);
  std::shared_ptr<ExecutionEngine> keepAlive = std::move(engine);
  return Executable::fromDescriptor(describe(), keepAlive, out);
}

Status Compiler::compileFile(const std::string &path, Executable &out) {
  OwningOpRef<ModuleOp> module;
  Status status = parseFile(path, module);
  return status.ok() ? compileModule(*module, out) : status;
}

Status Compiler::compileString(const std::string &source, Executable &out) {
  OwningOpRef<ModuleOp> module;
  Status status = parseString(source, module);
  return status.ok() ? compileModule(*module, out) : status;
}
