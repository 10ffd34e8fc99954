//===- Signature.h - Checking tensors against ABI descriptors ---*- C++ -*-===//
//
// Internal to the runtime (not exported). Everything that reads the tensor
// descriptions of nnc/abi.h: validating a model's descriptor once when it is
// adopted, and checking call arguments against an entry's signature.
//
// Thread-safety: pure functions.
//
//===----------------------------------------------------------------------===//

#ifndef NNC_SIGNATURE_H
#define NNC_SIGNATURE_H

#include "nnc/Status.h"
#include "nnc/Tensor.h"
#include "nnc/abi.h"

#include <string>
#include <vector>

namespace nnc {

/// Converts an ABI dtype code; false for an unknown code.
bool dtypeFromAbi(uint32_t code, DType &dtype);
uint32_t dtypeToAbi(DType dtype);

/// Checks what the runtime relies on before reading a descriptor further:
/// the ABI version, then non-null pointers, known dtypes and roles, sizes
/// that are -1 or non-negative, unique entry names, and a batch size that the
/// arguments can bind whenever a result has a dynamic size.
Status validateModel(const nnc_model_desc_t *desc);

/// A signature for diagnostics: "f32 [?, 784]".
std::string describeSignature(const nnc_tensor_desc_t &desc);

/// The shape of `desc` with every -1 replaced by `batch`.
std::vector<int64_t> concreteShape(const nnc_tensor_desc_t &desc,
                                   int64_t batch);

/// Whether `tensor` is non-null with exactly the dtype and shape of `desc`
/// at batch size `batch`.
bool matches(const Tensor &tensor, const nnc_tensor_desc_t &desc,
             int64_t batch);

/// Checks `args` against the arguments of `entry` and binds the batch size
/// (0 when no argument has a dynamic size). Messages start with the entry's
/// name.
Status checkArguments(const nnc_entry_desc_t &entry,
                      const std::vector<Tensor> &args, int64_t &batch);

} // namespace nnc

#endif // NNC_SIGNATURE_H
