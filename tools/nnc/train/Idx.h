//===- Idx.h - MNIST's IDX files --------------------------------*- C++ -*-===//
//
// The IDX format (yann.lecun.com/exdb/mnist): a magic number 0x0000TTDD,
// where TT is the element type and DD the number of dimensions, then DD
// big-endian 32-bit sizes, then the elements in C order. MNIST uses unsigned
// bytes (TT = 0x08) only, and so does this reader; files may be gzipped.
//
//===----------------------------------------------------------------------===//

#ifndef NNC_TOOLS_NNC_TRAIN_IDX_H
#define NNC_TOOLS_NNC_TRAIN_IDX_H

#include <nnc/Status.h>

#include <cstdint>
#include <string>
#include <vector>

namespace nnc::train {

struct IdxArray {
  std::vector<int64_t> shape;
  std::vector<uint8_t> values; // C order
};

/// Parses IDX bytes; the data must be exactly as long as the sizes say.
Status parseIdx(const std::vector<uint8_t> &bytes, IdxArray &out);

/// Reads an IDX file (gzipped or not) with `rank` dimensions. Errors start
/// with "PATH: ".
Status readIdx(const std::string &path, size_t rank, IdxArray &out);

} // namespace nnc::train

#endif // NNC_TOOLS_NNC_TRAIN_IDX_H
