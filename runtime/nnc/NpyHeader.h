//===- NpyHeader.h - The preamble and header of .npy files ------*- C++ -*-===//
//
// Internal to the runtime (not exported): the byte-level part of the .npy
// format, kept apart from the mapping to DType and from file I/O in Npy.cpp.
//
//===----------------------------------------------------------------------===//

#ifndef NNC_NPYHEADER_H
#define NNC_NPYHEADER_H

#include "nnc/Status.h"

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace nnc {

/// The entries of a .npy header dictionary, not yet checked against DType.
struct NpyHeader {
  std::string descr;
  bool fortranOrder = false;
  std::vector<int64_t> shape;
};

/// Decodes the magic string, version, header length and header dictionary at
/// the start of `bytes`; `dataOffset` receives the offset of the array data.
Status decodeNpyHeader(const uint8_t *bytes, size_t size, NpyHeader &header,
                       size_t &dataOffset);

/// Encodes a version 1.0 preamble and header for a C-order array, byte for
/// byte as numpy.save does, so that files diff cleanly against NumPy's.
Status encodeNpyHeader(const std::string &descr,
                       const std::vector<int64_t> &shape, std::string &out);

} // namespace nnc

#endif // NNC_NPYHEADER_H
