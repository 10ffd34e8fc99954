//===- nnc.cpp - the nnc compiler driver ----------------------------------===//
//
//   nnc MODEL.mlir -o OUT.so [--target=cpu]
//       [--emit=so|obj|asm|mlir|llvm|header] [-O0..-O3]
//       [--cpu=native|NAME] [--cpu-features=+f,-g] [--print-ir-after-all]
//       [--grad=F] [--train=F --optimizer=NAME[:key=value,...]]
//   nnc check-grad MODEL.mlir --function=F [...]   (tools/nnc/CheckGrad.cpp)
//   nnc train MODEL.mlir --loss=F --optimizer=SPEC [...]
//                                          (tools/nnc/train/TrainCommand.cpp)
//
// Every output is written to a temporary and renamed, so a failed compile
// never leaves a partial file behind.
//
//===----------------------------------------------------------------------===//

#include "compiler/backends/cpu/ObjectEmitter.h"
#include "compiler/driver/Compiler.h"
#include "compiler/driver/KernelGraph.h"
#include "compiler/training/OptimizerSpec.h"
#include "tools/nnc/CheckGrad.h"
#include "tools/nnc/HeaderWriter.h"
#include "tools/nnc/train/TrainCommand.h"

#include "llvm/IR/Module.h"
#include "llvm/MC/MCSubtargetInfo.h"
#include "llvm/MC/TargetRegistry.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/TargetSelect.h"
#include "llvm/Support/raw_ostream.h"
#include "llvm/TargetParser/Host.h"
#include "llvm/TargetParser/Triple.h"

using namespace nnc;
namespace cl = llvm::cl;

namespace {
cl::OptionCategory category("nnc options");
cl::opt<std::string> modelPath(cl::Positional, cl::Required,
                               cl::desc("<model.mlir>"), cl::cat(category));
cl::opt<std::string> outputPath("o", cl::desc("output file"),
                                cl::value_desc("path"), cl::cat(category));
cl::opt<std::string> target("target", cl::desc("cpu (default) or cuda"),
                            cl::init("cpu"), cl::cat(category));
cl::opt<std::string>
    emit("emit",
         cl::desc("so (default), obj, asm, mlir (after the MLIR pipeline), "
                  "llvm (optimized LLVM IR), header (C header), dot (kernels "
                  "and the nn ops fused into each), ptx"),
         cl::init("so"), cl::cat(category));
cl::opt<unsigned> optLevel("O", cl::desc("optimization level 0-3 (default 3)"),
                           cl::Prefix, cl::init(3), cl::cat(category));
cl::opt<std::string> cpu("cpu", cl::desc("CPU to compile for (default native)"),
                         cl::init("native"), cl::cat(category));
cl::opt<std::string> cpuFeatures("cpu-features",
                                 cl::desc("LLVM CPU features, e.g. +avx2"),
                                 cl::cat(category));
cl::opt<bool> printIrAfterAll("print-ir-after-all",
                              cl::desc("print the IR after every pass"),
                              cl::cat(category));
cl::opt<std::string> grad("grad",
                          cl::desc("add @F_grad: F's loss and its gradient"),
                          cl::cat(category));
cl::opt<std::string>
    train("train",
          cl::desc("add @F_train_step: one optimizer step on the loss F, "
                   "updating params and optimizer state in place; needs "
                   "--optimizer"),
          cl::cat(category));
cl::opt<std::string>
    optimizer("optimizer",
              cl::desc("optimizer of --train: NAME[:key=value,...], NAME one "
                       "of sgd, momentum, adagrad, rmsprop, adam, adamw; keys "
                       "lr, momentum, nesterov, beta1, beta2, eps, alpha, "
                       "weight_decay"),
              cl::cat(category));
} // namespace

static int fail(const std::string &message) {
  llvm::errs() << message << "\n";
  return 1;
}

/// Writes text to -o atomically, or to stdout without -o.
static int writeText(const std::string &text) {
  if (outputPath.empty() || outputPath == "-") {
    llvm::outs() << text;
    return 0;
  }
  if (llvm::Error error = writeFileAtomically(outputPath, text))
    return fail("nnc: error: " + llvm::toString(std::move(error)));
  return 0;
}

/// LLVM only warns about an unknown --cpu or --cpu-features, and aborts when
/// asked for x86-64 code on a 32-bit CPU: check them before compiling.
static Status checkCpu() {
  if (cpu == "native" && cpuFeatures.empty())
    return Status::success();
  llvm::InitializeNativeTarget();
  std::string triple = llvm::sys::getDefaultTargetTriple(), error;
  const llvm::Target *llvmTarget =
      llvm::TargetRegistry::lookupTarget(triple, error);
  if (!llvmTarget)
    return Status::success(); // the compiler reports it
  std::string name = cpu == "native" ? llvm::sys::getHostCPUName().str() : cpu;
  std::unique_ptr<llvm::MCSubtargetInfo> generic(
      llvmTarget->createMCSubtargetInfo(triple, "", ""));
  if (!generic->isCPUStringValid(name))
    return Status::error("nnc: error: unknown --cpu=" + cpu + " for " + triple);
  llvm::SmallVector<llvm::StringRef> features;
  llvm::StringRef(cpuFeatures).split(features, ',', -1, /*KeepEmpty=*/false);
  for (llvm::StringRef feature : features) {
    llvm::StringRef bare = feature.ltrim("+-");
    if (!llvm::any_of(generic->getAllProcessorFeatures(),
                      [&](auto &known) { return bare == known.Key; }))
      return Status::error("nnc: error: unknown --cpu-features entry '" +
                           feature.str() + "' for " + triple);
  }
  std::unique_ptr<llvm::MCSubtargetInfo> chosen(
      llvmTarget->createMCSubtargetInfo(triple, name, cpuFeatures));
  if (llvm::Triple(triple).getArch() == llvm::Triple::x86_64 &&
      !chosen->checkFeatures("+64bit"))
    return Status::error("nnc: error: --cpu=" + cpu +
                         " cannot run x86-64 code");
  return Status::success();
}

/// The output's directory must exist: a compile that cannot be written is
/// not worth running (and the linker would complain in its own words).
static Status checkOutputDirectory() {
  llvm::StringRef directory = llvm::sys::path::parent_path(outputPath);
  if (outputPath == "-" || directory.empty() ||
      llvm::sys::fs::is_directory(directory))
    return Status::success();
  return Status::error("nnc: error: cannot write '" + outputPath +
                       "': no directory '" + directory.str() + "'");
}

static Status checkOptions() {
  static const char *emits[] = {"so",   "obj",    "asm", "mlir",
                                "llvm", "header", "dot", "ptx"};
  if (!llvm::is_contained(emits, emit))
    return Status::error("nnc: error: unknown --emit=" + emit +
                         " (expected so, obj, asm, mlir, llvm, header, dot "
                         "or ptx)");
  if (target != "cpu" && target != "cuda")
    return Status::error("nnc: error: unknown --target=" + target +
                         " (expected cpu or cuda)");
  if (target == "cuda" || emit == "ptx")
    return Status::error("nnc: error: the cuda target is not available in "
                         "this build yet");
  if (train.empty() != optimizer.empty())
    return Status::error(train.empty()
                             ? "nnc: error: --optimizer needs --train=F"
                             : "nnc: error: --train needs --optimizer=SPEC");
  if (!optimizer.empty())
    if (llvm::Expected<OptimizerSpec> spec = parseOptimizerSpec(optimizer);
        !spec)
      return Status::error("nnc: error: " + llvm::toString(spec.takeError()));
  if (optLevel > 3)
    return Status::error("nnc: error: -O" + std::to_string(optLevel) +
                         " is not an optimization level (0-3)");
  if ((emit == "so" || emit == "obj") && outputPath.empty())
    return Status::error("nnc: error: --emit=" + emit + " needs -o <path>");
  Status status = checkOutputDirectory();
  return status.ok() ? checkCpu() : status;
}

static int compile() {
  CompilerOptions options;
  options.target = target;
  options.cpu.cpu = cpu;
  options.cpu.features = cpuFeatures;
  options.cpu.optLevel = optLevel;
  options.printIrAfterAll = printIrAfterAll;
  options.gradFunction = grad;
  options.trainFunction = train;
  options.optimizerSpec = optimizer;
  Compiler compiler(options);
  mlir::OwningOpRef<mlir::ModuleOp> module;
  std::vector<EntrySignature> entries;
  Status status = compiler.parseFile(modelPath, module);
  if (status.ok() && emit == "dot") {
    std::string graph;
    status = compiler.drawKernels(*module, graph);
    return status.ok() ? writeText(graph) : fail(status.message());
  }
  if (status.ok())
    status = compiler.lowerToLLVMDialect(*module, entries);
  if (!status.ok())
    return fail(status.message());
  if (emit == "header")
    return writeText(
        writeModelHeader(llvm::sys::path::filename(modelPath).str(), entries));
  if (emit == "mlir") {
    std::string text;
    llvm::raw_string_ostream stream(text);
    module->print(stream);
    return writeText(stream.str());
  }
  LoweredModel lowered;
  status = compiler.translateToLLVMIR(*module, entries, lowered);
  if (!status.ok())
    return fail(status.message());
  if (emit == "llvm") {
    std::string text;
    llvm::raw_string_ostream stream(text);
    lowered.module->print(stream, nullptr);
    return writeText(stream.str());
  }
  if (emit == "so") {
    status = compiler.emitSharedLibrary(lowered, outputPath);
    return status.ok() ? 0 : fail("nnc: error: " + status.message());
  }
  std::string bytes;
  status = compiler.emitObject(lowered, bytes, emit == "asm");
  if (!status.ok())
    return fail("nnc: error: " + status.message());
  return writeText(bytes);
}

int main(int argc, char **argv) {
  llvm::InitLLVM init(argc, argv);
  if (argc > 1 && llvm::StringRef(argv[1]) == "check-grad")
    return runCheckGrad(argc - 1, argv + 1);
  if (argc > 1 && llvm::StringRef(argv[1]) == "train")
    return runTrainCommand(argc - 1, argv + 1);
  cl::HideUnrelatedOptions(category);
  cl::ParseCommandLineOptions(argc, argv, "nnc: neural-network compiler\n");
  Status status = checkOptions();
  if (!status.ok())
    return fail(status.message());
  return compile();
}
