//===- Safetensors.h - Named tensors in the safetensors format --*- C++ -*-===//
//
// Reads and writes the safetensors format (huggingface/safetensors), which
// nnc uses for checkpoints:
//
//   8 bytes    N, the header size, unsigned little-endian
//   N bytes    a JSON object: for each tensor "NAME": {"dtype": "F32",
//              "shape": [2, 3], "data_offsets": [BEGIN, END]}, and optionally
//              "__metadata__": {"KEY": "VALUE", ...} (strings only);
//              padded with spaces to a multiple of 8 bytes
//   the rest   the tensor data, little-endian, C order; BEGIN and END count
//              bytes from the start of this part
//
// dtypes map as F32, F64, I64, I32, BOOL. Reading is strict, as the reference
// implementation is: the data of the tensors must exactly tile the data part
// (no gaps, no overlaps, nothing after it), and every size must agree with
// its dtype and shape.
//
// Thread-safety: the functions share no state.
//
//===----------------------------------------------------------------------===//

#ifndef NNC_SAFETENSORS_H
#define NNC_SAFETENSORS_H

#include "nnc/Api.h"
#include "nnc/Status.h"
#include "nnc/Tensor.h"

#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace nnc {

struct NamedTensor {
  std::string name;
  Tensor tensor;
};

struct SafetensorsContents {
  std::map<std::string, std::string> metadata;
  /// In the order of their data in the file.
  std::vector<NamedTensor> tensors;

  /// The tensor named `name`, or null.
  NNC_API const Tensor *find(const std::string &name) const;
};

/// Writes `tensors` (unique, non-empty names, not "__metadata__"; non-null
/// tensors) with `metadata` to `path` atomically: the complete new file, or
/// on error no change to `path`. Error messages start with "PATH: ".
NNC_API Status writeSafetensors(
    const std::string &path, const std::vector<NamedTensor> &tensors,
    const std::map<std::string, std::string> &metadata);

/// Parses the contents of a safetensors file into new owned tensors. On
/// error `out` is unchanged and the message does not name a file.
NNC_API Status parseSafetensors(const uint8_t *bytes, size_t size,
                                SafetensorsContents &out);

/// Reads the safetensors file at `path`. On error `out` is unchanged and the
/// message starts with "PATH: ".
NNC_API Status readSafetensors(const std::string &path,
                               SafetensorsContents &out);

} // namespace nnc

#endif // NNC_SAFETENSORS_H
