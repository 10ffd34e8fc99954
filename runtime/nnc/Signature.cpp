//===- Signature.cpp - Checking tensors against ABI descriptors -----------===//

#include "nnc/Signature.h"

#include <cstring>
#include <string>

using namespace nnc;

namespace {
// nnc_dtype_t codes indexed by DType; keep in enum order.
constexpr uint32_t kAbiCodes[] = {NNC_DTYPE_F32, NNC_DTYPE_F64, NNC_DTYPE_I64,
                                  NNC_DTYPE_I32, NNC_DTYPE_BOOL};
static_assert(sizeof(kAbiCodes) / sizeof(kAbiCodes[0]) ==
                  size_t(DType::Bool) + 1,
              "kAbiCodes must list every DType");

std::string quoted(const char *name) { return "'" + std::string(name) + "'"; }

bool hasDynamicSize(const nnc_tensor_desc_t &desc) {
  for (uint32_t i = 0; i < desc.rank; ++i)
    if (desc.shape[i] == -1)
      return true;
  return false;
}

Status validateTensor(const nnc_tensor_desc_t &desc, bool isResult) {
  DType dtype;
  if (!desc.name)
    return Status::error("has no name");
  if (!dtypeFromAbi(desc.dtype, dtype))
    return Status::error("has unknown dtype code " +
                         std::to_string(desc.dtype));
  bool resultRole = desc.role == NNC_ROLE_RESULT;
  bool argRole = desc.role == NNC_ROLE_INPUT || desc.role == NNC_ROLE_PARAM ||
                 desc.role == NNC_ROLE_STATE || desc.role == NNC_ROLE_OPT_STATE;
  if (isResult ? !resultRole : !argRole)
    return Status::error("has invalid role code " + std::to_string(desc.role));
  if (desc.rank && !desc.shape)
    return Status::error("has rank " + std::to_string(desc.rank) +
                         " but no shape");
  for (uint32_t i = 0; i < desc.rank; ++i)
    if (desc.shape[i] < -1)
      return Status::error("has invalid size " + std::to_string(desc.shape[i]) +
                           " in dimension " + std::to_string(i));
  return Status::success();
}

Status validateTensors(const nnc_tensor_desc_t *descs, uint32_t count,
                       bool isResult) {
  const char *kind = isResult ? "result" : "argument";
  if (count && !descs)
    return Status::error("has " + std::to_string(count) + " " + kind +
                         "s but no " + kind + " list");
  for (uint32_t i = 0; i < count; ++i)
    if (Status status = validateTensor(descs[i], isResult); !status.ok())
      return Status::error(std::string(kind) + " #" + std::to_string(i) + " " +
                           status.message());
  return Status::success();
}

Status validateBatchBinding(const nnc_entry_desc_t &entry) {
  for (uint32_t i = 0; i < entry.num_args; ++i)
    if (hasDynamicSize(entry.args[i]))
      return Status::success();
  for (uint32_t i = 0; i < entry.num_results; ++i)
    if (hasDynamicSize(entry.results[i]))
      return Status::error("result #" + std::to_string(i) + " " +
                           quoted(entry.results[i].name) +
                           " has a dynamic size but no argument has one to "
                           "bind the batch size");
  return Status::success();
}

Status validateEntry(const nnc_entry_desc_t &entry) {
  if (!entry.invoke)
    return Status::error("has no invoke function");
  if (Status status = validateTensors(entry.args, entry.num_args, false);
      !status.ok())
    return status;
  if (Status status = validateTensors(entry.results, entry.num_results, true);
      !status.ok())
    return status;
  return validateBatchBinding(entry);
}

Status validateEntryNames(const nnc_model_desc_t &desc) {
  for (uint32_t i = 0; i < desc.num_entries; ++i) {
    const char *name = desc.entries[i].name;
    if (!name || !*name)
      return Status::error("entry #" + std::to_string(i) + " has no name");
    for (uint32_t j = 0; j < i; ++j)
      if (std::strcmp(desc.entries[j].name, name) == 0)
        return Status::error("entry name " + quoted(name) + " appears twice");
  }
  return Status::success();
}

std::string describeTensor(const Tensor &tensor) {
  return std::string(dtypeName(tensor.dtype())) + " " +
         describeShape(tensor.shape());
}

/// "argument #1 'w'".
std::string argumentLabel(const nnc_entry_desc_t &entry, uint32_t index) {
  return "argument #" + std::to_string(index) + " " +
         quoted(entry.args[index].name);
}

/// "forward: argument #1 'w'".
std::string describeArgument(const nnc_entry_desc_t &entry, uint32_t index) {
  return std::string(entry.name) + ": " + argumentLabel(entry, index);
}

/// Binds the batch size from the dynamic dimensions of argument `index`.
/// `binder` is the index of the argument that bound it, or -1 if none has.
Status bindBatch(const nnc_entry_desc_t &entry, uint32_t index,
                 const Tensor &arg, int64_t &batch, int64_t &binder) {
  const nnc_tensor_desc_t &desc = entry.args[index];
  for (uint32_t d = 0; d < desc.rank; ++d) {
    if (desc.shape[d] != -1)
      continue;
    int64_t size = arg.shape()[d];
    if (binder < 0) {
      batch = size;
      binder = index;
    } else if (size != batch) {
      return Status::error(describeArgument(entry, index) + " has batch size " +
                           std::to_string(size) + " in dimension " +
                           std::to_string(d) + ", but " +
                           argumentLabel(entry, uint32_t(binder)) +
                           " has batch size " + std::to_string(batch));
    }
  }
  return Status::success();
}

/// Checks dtype, rank and static sizes.
Status checkArgument(const nnc_entry_desc_t &entry, uint32_t index,
                     const Tensor &arg) {
  const nnc_tensor_desc_t &desc = entry.args[index];
  if (arg.isNull())
    return Status::error(describeArgument(entry, index) + " expects " +
                         describeSignature(desc) + ", got a null tensor");
  bool same = dtypeToAbi(arg.dtype()) == desc.dtype && arg.rank() == desc.rank;
  for (uint32_t d = 0; same && d < desc.rank; ++d)
    same = desc.shape[d] == -1 || desc.shape[d] == arg.shape()[d];
  if (!same)
    return Status::error(describeArgument(entry, index) + " expects " +
                         describeSignature(desc) + ", got " +
                         describeTensor(arg));
  return Status::success();
}
} // namespace

bool nnc::dtypeFromAbi(uint32_t code, DType &dtype) {
  for (size_t i = 0; i <= size_t(DType::Bool); ++i) {
    if (kAbiCodes[i] == code) {
      dtype = DType(i);
      return true;
    }
  }
  return false;
}

uint32_t nnc::dtypeToAbi(DType dtype) { return kAbiCodes[size_t(dtype)]; }

Status nnc::validateModel(const nnc_model_desc_t *desc) {
  if (!desc)
    return Status::error("the model descriptor is null");
  if (desc->abi_version != NNC_ABI_VERSION)
    return Status::error(
        "compiled for nnc ABI version " + std::to_string(desc->abi_version) +
        ", this runtime supports " + std::to_string(NNC_ABI_VERSION) +
        "; recompile the model");
  if (desc->num_entries && !desc->entries)
    return Status::error("the model descriptor has " +
                         std::to_string(desc->num_entries) +
                         " entries but no entry list");
  if (Status status = validateEntryNames(*desc); !status.ok())
    return status;
  for (uint32_t i = 0; i < desc->num_entries; ++i)
    if (Status status = validateEntry(desc->entries[i]); !status.ok())
      return Status::error("entry " + quoted(desc->entries[i].name) + ": " +
                           status.message());
  return Status::success();
}

std::string nnc::describeSignature(const nnc_tensor_desc_t &desc) {
  DType dtype = DType::F32;
  std::string text = dtypeFromAbi(desc.dtype, dtype) ? dtypeName(dtype) : "?";
  text += " [";
  for (uint32_t i = 0; i < desc.rank; ++i)
    text += (i ? ", " : "") +
            (desc.shape[i] == -1 ? "?" : std::to_string(desc.shape[i]));
  return text + "]";
}

std::vector<int64_t> nnc::concreteShape(const nnc_tensor_desc_t &desc,
                                        int64_t batch) {
  std::vector<int64_t> shape(desc.shape, desc.shape + desc.rank);
  for (int64_t &size : shape)
    if (size == -1)
      size = batch;
  return shape;
}

bool nnc::matches(const Tensor &tensor, const nnc_tensor_desc_t &desc,
                  int64_t batch) {
  if (tensor.isNull() || dtypeToAbi(tensor.dtype()) != desc.dtype ||
      tensor.rank() != desc.rank)
    return false;
  for (uint32_t d = 0; d < desc.rank; ++d)
    if (tensor.shape()[d] != (desc.shape[d] == -1 ? batch : desc.shape[d]))
      return false;
  return true;
}

Status nnc::checkArguments(const nnc_entry_desc_t &entry,
                           const std::vector<Tensor> &args, int64_t &batch) {
  if (args.size() != entry.num_args)
    return Status::error(std::string(entry.name) + ": expects " +
                         std::to_string(entry.num_args) + " arguments, got " +
                         std::to_string(args.size()));
  batch = 0;
  int64_t binder = -1;
  for (uint32_t i = 0; i < entry.num_args; ++i) {
    if (Status status = checkArgument(entry, i, args[i]); !status.ok())
      return status;
    if (Status status = bindBatch(entry, i, args[i], batch, binder);
        !status.ok())
      return status;
  }
  return Status::success();
}
