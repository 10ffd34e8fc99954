//===- Signature.h - the entries of a model and their tensors ---*- C++ -*-===//
//
// What the ABI descriptor of a compiled model says about each entry: read
// from the nn-level module before lowering erases roles and initializers.
//
//===----------------------------------------------------------------------===//

#ifndef NNC_COMPILER_DRIVER_SIGNATURE_H
#define NNC_COMPILER_DRIVER_SIGNATURE_H

#include <nnc/abi.h>

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/BuiltinOps.h"

#include <string>
#include <vector>

namespace nnc {

struct TensorSignature {
  std::string name;
  nnc_dtype_t dtype = NNC_DTYPE_F32;
  nnc_role_t role = NNC_ROLE_INPUT;
  std::vector<int64_t> shape; // -1 for the batch size
  std::string init;           // nn.init, or empty
};

struct EntrySignature {
  std::string name;
  std::vector<TensorSignature> args;
  std::vector<TensorSignature> results;
  int64_t arenaBytes = 0;
  int64_t arenaBytesPerBatch = 0;
};

/// The role of argument `index` of `func` (nn.param, nn.state,
/// nn.opt_state, or an input).
nnc_role_t argumentRole(mlir::func::FuncOp func, unsigned index);

/// The public functions of `module` with their tensors. Reports (and fails
/// on) what the ABI cannot express: non-tensor or unsupported element types,
/// a dynamic size other than the leading batch one, and reshapes that would
/// change what the batch size means.
mlir::FailureOr<std::vector<EntrySignature>>
collectEntrySignatures(mlir::ModuleOp module);

/// Copies the arena sizes the memory plan recorded on the lowered functions
/// (`nnc.arena_bytes`, `nnc.arena_bytes_per_batch`) into `entries`.
void readArenaSizes(mlir::ModuleOp lowered,
                    std::vector<EntrySignature> &entries);

} // namespace nnc

#endif // NNC_COMPILER_DRIVER_SIGNATURE_H
