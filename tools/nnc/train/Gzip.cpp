//===- Gzip.cpp - Reading files that may be gzip-compressed ---------------===//

#include "tools/nnc/train/Gzip.h"

#include "llvm/Support/MemoryBuffer.h"

#include <zlib.h>

using namespace nnc;

namespace {
/// Inflates one gzip member starting at `offset`; `offset` moves past it.
Status inflateMember(const std::vector<uint8_t> &in, size_t &offset,
                     std::vector<uint8_t> &out) {
  z_stream stream{};
  // 16 + MAX_WBITS: a gzip wrapper, not zlib's.
  if (inflateInit2(&stream, 16 + MAX_WBITS) != Z_OK)
    return Status::error("cannot start gzip decompression");
  stream.next_in = const_cast<Bytef *>(in.data() + offset);
  stream.avail_in = uInt(in.size() - offset);
  uint8_t chunk[1 << 16];
  int result = Z_OK;
  while (result == Z_OK) {
    stream.next_out = chunk;
    stream.avail_out = sizeof(chunk);
    result = inflate(&stream, Z_NO_FLUSH);
    out.insert(out.end(), chunk, chunk + (sizeof(chunk) - stream.avail_out));
    if (result == Z_BUF_ERROR && stream.avail_in == 0)
      break; // the input ended before the stream did
  }
  std::string message = stream.msg ? stream.msg : "";
  offset = in.size() - stream.avail_in;
  inflateEnd(&stream);
  if (result == Z_STREAM_END)
    return Status::success();
  if (result == Z_BUF_ERROR || result == Z_OK)
    return Status::error("truncated gzip data");
  return Status::error("corrupt gzip data" +
                       (message.empty() ? "" : ": " + message));
}

bool hasGzipMagic(const std::vector<uint8_t> &bytes, size_t offset) {
  return bytes.size() >= offset + 2 && bytes[offset] == 0x1f &&
         bytes[offset + 1] == 0x8b;
}
} // namespace

Status train::gunzip(const std::vector<uint8_t> &compressed,
                     std::vector<uint8_t> &out) {
  out.clear();
  if (compressed.size() > size_t(UINT32_MAX))
    return Status::error("gzip files over 4 GiB are not supported");
  size_t offset = 0;
  do {
    if (Status status = inflateMember(compressed, offset, out); !status.ok())
      return status;
  } while (hasGzipMagic(compressed, offset));
  if (offset != compressed.size())
    return Status::error("trailing bytes after the gzip data");
  return Status::success();
}

Status train::readMaybeGzipped(const std::string &path,
                               std::vector<uint8_t> &out) {
  llvm::ErrorOr<std::unique_ptr<llvm::MemoryBuffer>> buffer =
      llvm::MemoryBuffer::getFile(path, /*IsText=*/false,
                                  /*RequiresNullTerminator=*/false);
  if (!buffer)
    return Status::error(path +
                         ": cannot read file: " + buffer.getError().message());
  const auto *begin =
      reinterpret_cast<const uint8_t *>((*buffer)->getBufferStart());
  std::vector<uint8_t> bytes(begin, begin + (*buffer)->getBufferSize());
  if (!hasGzipMagic(bytes, 0)) {
    out = std::move(bytes);
    return Status::success();
  }
  if (Status status = gunzip(bytes, out); !status.ok())
    return Status::error(path + ": " + status.message());
  return Status::success();
}
