//===- Idx.cpp - MNIST's IDX files ----------------------------------------===//

#include "tools/nnc/train/Idx.h"
#include "tools/nnc/train/Gzip.h"

using namespace nnc;

namespace {
constexpr uint8_t kUnsignedByte = 0x08;

const char *typeName(uint8_t type) {
  switch (type) {
  case 0x08:
    return "unsigned byte";
  case 0x09:
    return "signed byte";
  case 0x0B:
    return "short";
  case 0x0C:
    return "int";
  case 0x0D:
    return "float";
  case 0x0E:
    return "double";
  default:
    return "unknown";
  }
}

std::string hex(uint32_t value) {
  static const char digits[] = "0123456789abcdef";
  std::string text = "0x";
  for (int shift = 28; shift >= 0; shift -= 4)
    text += digits[(value >> shift) & 0xf];
  return text;
}

uint32_t bigEndian32(const uint8_t *bytes) {
  return uint32_t(bytes[0]) << 24 | uint32_t(bytes[1]) << 16 |
         uint32_t(bytes[2]) << 8 | uint32_t(bytes[3]);
}
} // namespace

Status train::parseIdx(const std::vector<uint8_t> &bytes, IdxArray &out) {
  if (bytes.size() < 4)
    return Status::error("not an IDX file: " + std::to_string(bytes.size()) +
                         " bytes, too short for the magic number");
  uint32_t magic = bigEndian32(bytes.data());
  uint8_t type = bytes[2], rank = bytes[3];
  if (bytes[0] != 0 || bytes[1] != 0)
    return Status::error("not an IDX file: magic number " + hex(magic) +
                         " does not start with two zero bytes");
  if (type != kUnsignedByte)
    return Status::error("IDX element type 0x" + hex(type).substr(8) + " (" +
                         typeName(type) +
                         ") is not supported; MNIST files hold unsigned "
                         "bytes (0x08)");
  size_t headerBytes = 4 + 4 * size_t(rank);
  if (bytes.size() < headerBytes)
    return Status::error("truncated IDX header: " + std::to_string(rank) +
                         " sizes need " + std::to_string(headerBytes) +
                         " bytes, the file has " +
                         std::to_string(bytes.size()));
  IdxArray array;
  uint64_t count = 1;
  for (size_t d = 0; d < rank; ++d) {
    uint32_t size = bigEndian32(bytes.data() + 4 + 4 * d);
    array.shape.push_back(size);
    if (__builtin_mul_overflow(count, uint64_t(size), &count))
      count = UINT64_MAX; // more than any file holds
  }
  if (count != bytes.size() - headerBytes)
    return Status::error(
        "the IDX header promises " + std::to_string(count) + " elements but " +
        std::to_string(bytes.size() - headerBytes) + " bytes follow it");
  array.values.assign(bytes.begin() + long(headerBytes), bytes.end());
  out = std::move(array);
  return Status::success();
}

Status train::readIdx(const std::string &path, size_t rank, IdxArray &out) {
  std::vector<uint8_t> bytes;
  if (Status status = readMaybeGzipped(path, bytes); !status.ok())
    return status;
  IdxArray array;
  if (Status status = parseIdx(bytes, array); !status.ok())
    return Status::error(path + ": " + status.message());
  if (array.shape.size() != rank)
    return Status::error(path + ": an IDX file of " +
                         std::to_string(array.shape.size()) +
                         " dimensions, expected " + std::to_string(rank));
  out = std::move(array);
  return Status::success();
}
