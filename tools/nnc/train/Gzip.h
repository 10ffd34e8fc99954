//===- Gzip.h - Reading files that may be gzip-compressed -------*- C++ -*-===//
//
// Data sets ship compressed (MNIST's *.gz); the readers take either form.
//
//===----------------------------------------------------------------------===//

#ifndef NNC_TOOLS_NNC_TRAIN_GZIP_H
#define NNC_TOOLS_NNC_TRAIN_GZIP_H

#include <nnc/Status.h>

#include <cstdint>
#include <string>
#include <vector>

namespace nnc::train {

/// Decompresses a whole gzip stream (one or more members). Errors say what
/// is wrong ("truncated gzip data", "corrupt gzip data: ...").
Status gunzip(const std::vector<uint8_t> &compressed,
              std::vector<uint8_t> &out);

/// Reads `path`, decompressing it when it starts with the gzip magic bytes.
/// Errors start with "PATH: ".
Status readMaybeGzipped(const std::string &path, std::vector<uint8_t> &out);

} // namespace nnc::train

#endif // NNC_TOOLS_NNC_TRAIN_GZIP_H
