//===- CApi.cpp - The C API of the nnc runtime ----------------------------===//
//
// Thin wrappers: check what C cannot (NULL handles, dtype codes, counts),
// then forward to the C++ API and turn its Status into an nnc_status_t.
//
//===----------------------------------------------------------------------===//

#include "nnc/CApiHandles.h"
#include "nnc/Executable.h"
#include "nnc/Init.h"
#include "nnc/Npy.h"
#include "nnc/Signature.h"
#include "nnc/Tensor.h"
#include "nnc/nnc.h"

#include <string>
#include <utility>
#include <vector>

using namespace nnc;

namespace {
nnc_status_t checkShape(nnc_dtype_t code, uint32_t rank, const int64_t *shape,
                        DType &dtype, std::vector<int64_t> &dims) {
  if (!dtypeFromAbi(uint32_t(code), dtype))
    return invalidArgument("unknown dtype code " + std::to_string(code));
  if (rank && !shape)
    return invalidArgument("rank " + std::to_string(rank) + " but no shape");
  dims.assign(shape, shape + rank);
  for (int64_t size : dims)
    if (size < 0)
      return invalidArgument("negative size in shape " + describeShape(dims));
  return nullptr;
}

nnc_status_t findEntry(const nnc_executable_t *executable, const char *entry,
                       const nnc_entry_desc_t *&desc) {
  if (!executable || !entry)
    return invalidArgument("null executable or entry name");
  return toStatus(executable->executable.findEntry(entry, desc));
}

nnc_status_t checkCount(const nnc_entry_desc_t &desc, const char *what,
                        size_t expected, size_t actual) {
  if (expected == actual)
    return nullptr;
  return invalidArgument(std::string(desc.name) + ": expects " +
                         std::to_string(expected) + " " + what + ", got " +
                         std::to_string(actual));
}
} // namespace

nnc_status_code_t nnc_status_code(nnc_status_t status) {
  return status ? status->code : NNC_STATUS_OK;
}

const char *nnc_status_message(nnc_status_t status) {
  return status ? status->message.c_str() : "";
}

void nnc_status_free(nnc_status_t status) { delete status; }

nnc_status_t nnc_tensor_create(nnc_dtype_t dtype, uint32_t rank,
                               const int64_t *shape,
                               nnc_tensor_t **out_tensor) {
  DType type;
  std::vector<int64_t> dims;
  if (!out_tensor)
    return invalidArgument("null out_tensor");
  if (nnc_status_t status = checkShape(dtype, rank, shape, type, dims))
    return status;
  Tensor tensor;
  if (Status status = Tensor::create(type, std::move(dims), tensor);
      !status.ok())
    return toStatus(status);
  *out_tensor = new nnc_tensor_s{std::move(tensor)};
  return nullptr;
}

nnc_status_t nnc_tensor_wrap(nnc_dtype_t dtype, uint32_t rank,
                             const int64_t *shape, void *data,
                             nnc_tensor_t **out_tensor) {
  DType type;
  std::vector<int64_t> dims;
  if (!out_tensor || !data)
    return invalidArgument("null data or out_tensor");
  if (nnc_status_t status = checkShape(dtype, rank, shape, type, dims))
    return status;
  *out_tensor = new nnc_tensor_s{Tensor::borrow(type, std::move(dims), data)};
  return nullptr;
}

nnc_status_t nnc_tensor_read_npy(const char *path, nnc_tensor_t **out_tensor) {
  if (!path || !out_tensor)
    return invalidArgument("null path or out_tensor");
  NpyArray array;
  Tensor tensor;
  if (Status status = readNpy(path, array); !status.ok())
    return toStatus(status);
  if (Status status = Tensor::fromNpy(array, tensor); !status.ok())
    return toStatus(Status::error(std::string(path) + ": " + status.message()));
  *out_tensor = new nnc_tensor_s{std::move(tensor)};
  return nullptr;
}

nnc_status_t nnc_tensor_write_npy(const nnc_tensor_t *tensor,
                                  const char *path) {
  if (!tensor || !path)
    return invalidArgument("null tensor or path");
  return toStatus(writeNpy(path, tensor->tensor.toNpy()));
}

void nnc_tensor_free(nnc_tensor_t *tensor) { delete tensor; }

nnc_dtype_t nnc_tensor_dtype(const nnc_tensor_t *tensor) {
  return nnc_dtype_t(dtypeToAbi(tensor->tensor.dtype()));
}

uint32_t nnc_tensor_rank(const nnc_tensor_t *tensor) {
  return uint32_t(tensor->tensor.rank());
}

const int64_t *nnc_tensor_shape(const nnc_tensor_t *tensor) {
  return tensor->tensor.shape().data();
}

void *nnc_tensor_data(const nnc_tensor_t *tensor) {
  return tensor->tensor.data();
}

size_t nnc_tensor_byte_size(const nnc_tensor_t *tensor) {
  return tensor->tensor.byteSize();
}

nnc_status_t nnc_executable_load(const char *path,
                                 nnc_executable_t **out_executable) {
  if (!path || !out_executable)
    return invalidArgument("null path or out_executable");
  Executable executable;
  if (Status status = Executable::load(path, executable); !status.ok())
    return toStatus(status);
  *out_executable = new nnc_executable_s{std::move(executable)};
  return nullptr;
}

nnc_status_t nnc_executable_clone(const nnc_executable_t *executable,
                                  nnc_executable_t **out_executable) {
  if (!executable || !out_executable)
    return invalidArgument("null executable or out_executable");
  *out_executable = new nnc_executable_s{executable->executable};
  return nullptr;
}

void nnc_executable_free(nnc_executable_t *executable) { delete executable; }

uint32_t nnc_executable_entry_count(const nnc_executable_t *executable) {
  const nnc_model_desc_t *desc =
      executable ? executable->executable.descriptor() : nullptr;
  return desc ? desc->num_entries : 0;
}

const char *nnc_executable_entry_name(const nnc_executable_t *executable,
                                      uint32_t index) {
  if (index >= nnc_executable_entry_count(executable))
    return nullptr;
  return executable->executable.descriptor()->entries[index].name;
}

nnc_status_t nnc_executable_entry(const nnc_executable_t *executable,
                                  const char *entry,
                                  const nnc_entry_desc_t **out_entry) {
  const nnc_entry_desc_t *desc = nullptr;
  if (!out_entry)
    return invalidArgument("null out_entry");
  if (nnc_status_t status = findEntry(executable, entry, desc))
    return status;
  *out_entry = desc;
  return nullptr;
}

nnc_status_t
nnc_executable_initialize_parameters(const nnc_executable_t *executable,
                                     const char *entry, uint64_t seed,
                                     nnc_tensor_t **args, size_t num_args) {
  const nnc_entry_desc_t *desc = nullptr;
  if (nnc_status_t status = findEntry(executable, entry, desc))
    return status;
  if (nnc_status_t status =
          checkCount(*desc, "arguments", desc->num_args, args ? num_args : 0))
    return status;
  std::vector<Tensor> tensors;
  if (Status status = initializeParameters(*desc, seed, tensors); !status.ok())
    return toStatus(status);
  for (size_t i = 0; i < num_args; ++i)
    if (!tensors[i].isNull())
      store(std::move(tensors[i]), args[i]);
  return nullptr;
}

nnc_status_t nnc_executable_call(nnc_executable_t *executable,
                                 const char *entry, nnc_tensor_t *const *args,
                                 size_t num_args, nnc_tensor_t **results,
                                 size_t num_results) {
  const nnc_entry_desc_t *desc = nullptr;
  if (nnc_status_t status = findEntry(executable, entry, desc))
    return status;
  if (nnc_status_t status =
          checkCount(*desc, "arguments", desc->num_args, args ? num_args : 0))
    return status;
  if (nnc_status_t status = checkCount(*desc, "results", desc->num_results,
                                       results ? num_results : 0))
    return status;
  std::vector<Tensor> argTensors(num_args), resultTensors(num_results);
  for (size_t i = 0; i < num_args; ++i) {
    if (!args[i])
      return invalidArgument(std::string(desc->name) + ": argument #" +
                             std::to_string(i) + " is a null handle");
    argTensors[i] = args[i]->tensor;
  }
  for (size_t i = 0; i < num_results; ++i)
    if (results[i])
      resultTensors[i] = results[i]->tensor;
  if (Status status =
          executable->executable.call(entry, argTensors, resultTensors);
      !status.ok())
    return toStatus(status);
  for (size_t i = 0; i < num_results; ++i)
    store(std::move(resultTensors[i]), results[i]);
  return nullptr;
}
