//===- AbiEmitter.h - the C ABI descriptor of a compiled model --*- C++ -*-===//

#ifndef NNC_COMPILER_BACKENDS_CPU_ABIEMITTER_H
#define NNC_COMPILER_BACKENDS_CPU_ABIEMITTER_H

#include "compiler/driver/Signature.h"

#include "llvm/IR/Module.h"
#include "llvm/Support/Error.h"

namespace nnc {

/// Adds to `module` (which holds `_mlir_ciface_<entry>` for every entry) the
/// packed wrappers `invoke(void **args, void *arena)` and the descriptor
/// returned by `nnc_model_descriptor()`, laid out as runtime/nnc/abi.h says.
/// Every other symbol becomes internal so models never clash in a process.
llvm::Error emitAbi(llvm::Module &module,
                    const std::vector<EntrySignature> &entries);

} // namespace nnc

#endif // NNC_COMPILER_BACKENDS_CPU_ABIEMITTER_H
