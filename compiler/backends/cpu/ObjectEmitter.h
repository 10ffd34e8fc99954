//===- ObjectEmitter.h - LLVM IR to optimized objects and .so --*- C++ -*-===//

#ifndef NNC_COMPILER_BACKENDS_CPU_OBJECTEMITTER_H
#define NNC_COMPILER_BACKENDS_CPU_OBJECTEMITTER_H

#include "llvm/IR/Module.h"
#include "llvm/Support/Error.h"
#include "llvm/Target/TargetMachine.h"

#include <memory>
#include <string>

namespace nnc {

/// Which CPU to generate code for.
struct CpuTarget {
  std::string cpu = "native"; // "native" = this machine, or an LLVM CPU name
  std::string features;       // extra LLVM features, e.g. "+avx2,-avx512f"
  unsigned optLevel = 3;      // 0..3
};

/// A position-independent target machine for `target`.
llvm::Expected<std::unique_ptr<llvm::TargetMachine>>
createTargetMachine(const CpuTarget &target);

/// f32 lanes of the widest vectors `machine` generates code for: 16 with
/// AVX-512, 8 with AVX/AVX2, 4 otherwise. The vectorized code is shaped
/// for them (a host with AVX-512 compiling for --cpu=haswell gets AVX2
/// register tiles, not AVX-512 ones split in two).
int64_t vectorLanes(const llvm::TargetMachine &machine);

/// Runs LLVM's -O<level> pipeline on `module` for `machine`.
llvm::Error optimizeModule(llvm::Module &module, llvm::TargetMachine &machine,
                           unsigned optLevel);

/// Emits `module` as an object file (`assembly` for textual .s).
llvm::Expected<std::string> emitObject(llvm::Module &module,
                                       llvm::TargetMachine &machine,
                                       bool assembly = false);

/// Links an object into a shared library at `path`, atomically: the library
/// is linked to a temporary beside `path` and renamed over it.
llvm::Error linkSharedLibrary(llvm::StringRef object, llvm::StringRef path);

/// Loads the OpenMP runtime into this process so JIT-compiled kernels find
/// it; fails with a message naming the library when it is missing.
llvm::Error loadOpenMPRuntime();

/// Writes `contents` to `path` atomically (temporary + rename).
llvm::Error writeFileAtomically(llvm::StringRef path, llvm::StringRef contents);

} // namespace nnc

#endif // NNC_COMPILER_BACKENDS_CPU_OBJECTEMITTER_H
