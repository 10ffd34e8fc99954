//===- ObjectEmitter.cpp - LLVM IR to optimized objects and .so -----------===//

#include "compiler/backends/cpu/ObjectEmitter.h"

#include "mlir/ExecutionEngine/OptUtils.h"
#include "llvm/IR/LegacyPassManager.h"
#include "llvm/MC/MCSubtargetInfo.h"
#include "llvm/MC/TargetRegistry.h"
#include "llvm/Support/DynamicLibrary.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FileUtilities.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/Program.h"
#include "llvm/Support/TargetSelect.h"
#include "llvm/Support/raw_ostream.h"
#include "llvm/TargetParser/Host.h"
#include "llvm/TargetParser/SubtargetFeature.h"

using namespace llvm;
using namespace nnc;

static Error makeError(const Twine &message) {
  return createStringError(inconvertibleErrorCode(), message);
}

static std::string hostFeatures() {
  SubtargetFeatures features;
  for (const auto &[name, enabled] : sys::getHostCPUFeatures())
    features.AddFeature(name, enabled);
  return features.getString();
}

Expected<std::unique_ptr<TargetMachine>>
nnc::createTargetMachine(const CpuTarget &target) {
  InitializeNativeTarget();
  InitializeNativeTargetAsmPrinter();
  std::string triple = sys::getDefaultTargetTriple();
  std::string error;
  const Target *llvmTarget = TargetRegistry::lookupTarget(triple, error);
  if (!llvmTarget)
    return makeError("no LLVM target for " + triple + ": " + error);
  bool native = target.cpu == "native";
  std::string cpu = native ? sys::getHostCPUName().str() : target.cpu;
  std::string features = native ? hostFeatures() : "";
  if (!target.features.empty())
    features += (features.empty() ? "" : ",") + target.features;
  CodeGenOptLevel level = target.optLevel >= 3   ? CodeGenOptLevel::Aggressive
                          : target.optLevel == 2 ? CodeGenOptLevel::Default
                          : target.optLevel == 1 ? CodeGenOptLevel::Less
                                                 : CodeGenOptLevel::None;
  std::unique_ptr<TargetMachine> machine(
      llvmTarget->createTargetMachine(triple, cpu, features, TargetOptions(),
                                      Reloc::PIC_, std::nullopt, level));
  if (!machine)
    return makeError("cannot create a target machine for cpu '" + cpu + "'");
  return std::move(machine);
}

int64_t nnc::vectorLanes(const TargetMachine &machine) {
  const MCSubtargetInfo *info = machine.getMCSubtargetInfo();
  if (info->checkFeatures("+avx512f"))
    return 16;
  // AVX's 256-bit registers hold 8 floats; without FMA the multiply-adds
  // become a multiply and an add.
  if (info->checkFeatures("+avx"))
    return 8;
  return 4;
}

Error nnc::optimizeModule(Module &module, TargetMachine &machine,
                          unsigned optLevel) {
  module.setDataLayout(machine.createDataLayout());
  module.setTargetTriple(machine.getTargetTriple().str());
  auto optimize = mlir::makeOptimizingTransformer(optLevel, 0, &machine);
  return optimize(&module);
}

Expected<std::string> nnc::emitObject(Module &module, TargetMachine &machine,
                                      bool assembly) {
  SmallVector<char, 0> bytes;
  raw_svector_ostream output(bytes);
  legacy::PassManager pm;
  CodeGenFileType type =
      assembly ? CodeGenFileType::AssemblyFile : CodeGenFileType::ObjectFile;
  if (machine.addPassesToEmitFile(pm, output, nullptr, type))
    return makeError("the target cannot emit this file type");
  pm.run(module);
  return std::string(bytes.begin(), bytes.end());
}

Error nnc::writeFileAtomically(StringRef path, StringRef contents) {
  SmallString<128> temporary;
  int fd;
  if (std::error_code error =
          sys::fs::createUniqueFile(path + ".tmp-%%%%%%", fd, temporary))
    return makeError("cannot write '" + path + "': " + error.message());
  {
    raw_fd_ostream stream(fd, /*shouldClose=*/true);
    stream << contents;
    stream.close();
    if (stream.has_error()) {
      sys::fs::remove(temporary);
      return makeError("cannot write '" + path +
                       "': " + stream.error().message());
    }
  }
  if (std::error_code error = sys::fs::rename(temporary, path)) {
    sys::fs::remove(temporary);
    return makeError("cannot write '" + path + "': " + error.message());
  }
  return Error::success();
}

/// The C compiler driver that links: clang-19 as Debian installs it, else cc.
static Expected<std::string> findLinker() {
  for (StringRef name : {"clang-19", "clang", "cc", "gcc"})
    if (ErrorOr<std::string> path = sys::findProgramByName(name))
      return *path;
  return makeError("no linker found (looked for clang-19, clang, cc, gcc)");
}

Error nnc::linkSharedLibrary(StringRef object, StringRef path) {
  Expected<std::string> linker = findLinker();
  if (!linker)
    return linker.takeError();
  SmallString<128> objectPath, temporary;
  if (std::error_code error =
          sys::fs::createTemporaryFile("nnc-model", "o", objectPath))
    return makeError("cannot create a temporary object: " + error.message());
  FileRemover removeObject(objectPath);
  if (Error error = writeFileAtomically(objectPath, object))
    return error;
  // A unique name: two compilations writing the same output must not share
  // a temporary.
  int fd;
  if (std::error_code error =
          sys::fs::createUniqueFile(path + ".tmp-link-%%%%%%", fd, temporary))
    return makeError("cannot write '" + path + "': " + error.message());
  sys::Process::SafelyCloseFileDescriptor(fd);
  FileRemover removeTemporary(temporary);
  // Kernels run their tiles through OpenMP: libomp is recorded as needed
  // only when the model uses it (--as-needed).
  SmallVector<StringRef> args = {*linker,
                                 "-shared",
                                 "-o",
                                 temporary,
                                 objectPath,
                                 "-Wl,--as-needed",
                                 "-L" NNC_LIBOMP_DIR,
                                 "-Wl,-rpath," NNC_LIBOMP_DIR,
                                 "-lomp",
                                 "-lm"};
  std::string message;
  int status =
      sys::ExecuteAndWait(*linker, args, std::nullopt, {}, 0, 0, &message);
  if (status != 0)
    return makeError("linking '" + path + "' failed (" + *linker + " exited " +
                     std::to_string(status) + ") " + message);
  if (std::error_code error = sys::fs::rename(temporary, path))
    return makeError("cannot write '" + path + "': " + error.message());
  return Error::success();
}

Error nnc::loadOpenMPRuntime() {
  static const std::string loaded = [] {
    std::string error;
    for (const char *path : {NNC_LIBOMP_DIR "/libomp.so.5", "libomp.so.5"})
      if (!sys::DynamicLibrary::LoadLibraryPermanently(path, &error))
        return std::string();
    return "cannot load the OpenMP runtime libomp.so.5: " + error;
  }();
  return loaded.empty() ? Error::success() : makeError(loaded);
}
