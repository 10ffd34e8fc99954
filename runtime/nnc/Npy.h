//===- Npy.h - NumPy .npy arrays --------------------------------*- C++ -*-===//
//
// Reads and writes the NumPy .npy format (version 1.0; 2.0 and 3.0 headers are
// also read), restricted to what nnc exchanges: little-endian, C order, one of
// the DType element types.
//
// Thread-safety: the functions share no state; concurrent calls are safe as
// long as they do not write the same NpyArray or the same path.
//
//===----------------------------------------------------------------------===//

#ifndef NNC_NPY_H
#define NNC_NPY_H

#include "nnc/Api.h"
#include "nnc/DType.h"
#include "nnc/Status.h"

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace nnc {

/// A dense array. `data` holds numElements() * dtypeSize(dtype) bytes, C order,
/// little-endian. A 0-d array has shape {} and one element.
struct NpyArray {
  DType dtype = DType::F32;
  std::vector<int64_t> shape;
  std::vector<uint8_t> data;

  NNC_API int64_t numElements() const;
};

/// Parses the contents of a .npy file. On error `out` is left unchanged and
/// the message does not name a file (callers prefix it).
NNC_API Status parseNpy(const uint8_t *bytes, size_t size, NpyArray &out);

/// Reads the .npy file at `path`. On error `out` is left unchanged and the
/// message starts with "PATH: ".
NNC_API Status readNpy(const std::string &path, NpyArray &out);

/// Writes `array` to `path` as a version 1.0 .npy file laid out as numpy.save
/// does (data aligned to 64 bytes). The file appears atomically: either the
/// complete new file or, on error, no change to `path` at all.
NNC_API Status writeNpy(const std::string &path, const NpyArray &array);

/// Formats a shape for diagnostics: "[2, 3]", "[]" for 0-d.
NNC_API std::string describeShape(const std::vector<int64_t> &shape);

} // namespace nnc

#endif // NNC_NPY_H
