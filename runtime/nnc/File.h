//===- File.h - Whole-file reads and atomic writes --------------*- C++ -*-===//
//
// Internal to the runtime (not exported). POSIX file I/O rather than iostreams
// so that errors can name their cause (errno) and temporaries can be created
// exclusively.
//
//===----------------------------------------------------------------------===//

#ifndef NNC_FILE_H
#define NNC_FILE_H

#include "nnc/Status.h"

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace nnc {

/// Reads the whole file at `path` into `bytes` (unspecified on error). Error
/// messages start with "PATH: ".
Status readFile(const std::string &path, std::vector<uint8_t> &bytes);

/// A borrowed span of bytes to write.
struct ByteRange {
  const void *data;
  size_t size;
};

/// Writes the concatenation of `pieces` to `path` atomically: the bytes go to a
/// new temporary file next to `path`, which is flushed to disk and renamed over
/// `path`. On error the temporary is removed and `path` is left as it was; a
/// crash may leave a "PATH.tmp.*" file but never a partial `path`. The new file
/// gets mode 0666 minus the umask, as numpy.save would give it. Error messages
/// start with "PATH: ".
Status writeFileAtomically(const std::string &path,
                           const std::vector<ByteRange> &pieces);

} // namespace nnc

#endif // NNC_FILE_H
