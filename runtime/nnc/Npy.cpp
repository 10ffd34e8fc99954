//===- Npy.cpp - NumPy .npy arrays ----------------------------------------===//

#include "nnc/Npy.h"
#include "nnc/File.h"
#include "nnc/NpyHeader.h"

#include <cstdint>
#include <string>
#include <utility>

using namespace nnc;

namespace {
struct DescrInfo {
  DType dtype;
  const char *descr;
};

// The descr numpy writes for each DType: little-endian, or '|' (no byte
// order) for single bytes.
constexpr DescrInfo kDescrs[] = {{DType::F32, "<f4"},
                                 {DType::F64, "<f8"},
                                 {DType::I64, "<i8"},
                                 {DType::I32, "<i4"},
                                 {DType::Bool, "|b1"}};

const DescrInfo *findDescr(const std::string &descr) {
  for (const DescrInfo &info : kDescrs)
    if (descr == info.descr)
      return &info;
  return nullptr;
}

const char *descrOf(DType dtype) {
  for (const DescrInfo &info : kDescrs)
    if (dtype == info.dtype)
      return info.descr;
  return nullptr;
}

Status dtypeOf(const std::string &descr, DType &dtype) {
  if (const DescrInfo *info = findDescr(descr)) {
    dtype = info->dtype;
    return Status::success();
  }
  if (!descr.empty() && descr[0] == '>' && findDescr("<" + descr.substr(1)))
    return Status::error("unsupported big-endian dtype '" + descr +
                         "' (only little-endian arrays are supported)");
  std::string expected;
  for (const DescrInfo &info : kDescrs)
    expected += (expected.empty() ? "" : ", ") + std::string(info.descr);
  return Status::error("unsupported dtype '" + descr + "' (expected one of " +
                       expected + ")");
}

/// Computes the data size of an array; fails on negative dimensions and on
/// sizes past INT64_MAX, which also bounds numElements().
bool byteSize(const std::vector<int64_t> &shape, DType dtype, uint64_t &bytes) {
  bytes = dtypeSize(dtype);
  for (int64_t dim : shape) {
    if (dim < 0)
      return false;
    if (dim != 0 && bytes > uint64_t(INT64_MAX) / uint64_t(dim))
      return false;
    bytes *= uint64_t(dim);
  }
  return true;
}

std::string describeData(const NpyArray &array) {
  return "shape " + describeShape(array.shape) + " of " +
         dtypeName(array.dtype);
}

Status checkDataSize(const NpyArray &array, size_t actual) {
  uint64_t expected = 0;
  if (!byteSize(array.shape, array.dtype, expected))
    return Status::error(describeData(array) + " is too large");
  if (expected != actual)
    return Status::error("data size mismatch: " + describeData(array) +
                         " needs " + std::to_string(expected) + " bytes but " +
                         std::to_string(actual) + " bytes follow the header");
  return Status::success();
}

Status checkWritable(const NpyArray &array) {
  uint64_t expected = 0;
  if (!descrOf(array.dtype))
    return Status::error("invalid dtype value " +
                         std::to_string(unsigned(array.dtype)));
  if (!byteSize(array.shape, array.dtype, expected))
    return Status::error("cannot write " + describeData(array) +
                         ": negative or too large dimensions");
  if (expected != array.data.size())
    return Status::error("array data has " + std::to_string(array.data.size()) +
                         " bytes but " + describeData(array) + " needs " +
                         std::to_string(expected));
  return Status::success();
}

Status withPath(const std::string &path, Status status) {
  if (status.ok())
    return status;
  return Status::error(path + ": " + status.message());
}
} // namespace

// Unchecked: parseNpy and writeNpy reject shapes whose size overflows.
int64_t NpyArray::numElements() const {
  int64_t count = 1;
  for (int64_t dim : shape)
    count *= dim;
  return count;
}

std::string nnc::describeShape(const std::vector<int64_t> &shape) {
  std::string text = "[";
  for (size_t i = 0; i < shape.size(); ++i)
    text += (i ? ", " : "") + std::to_string(shape[i]);
  return text + "]";
}

Status nnc::parseNpy(const uint8_t *bytes, size_t size, NpyArray &out) {
  NpyHeader header;
  size_t dataOffset = 0;
  if (Status status = decodeNpyHeader(bytes, size, header, dataOffset);
      !status.ok())
    return status;
  NpyArray array;
  if (Status status = dtypeOf(header.descr, array.dtype); !status.ok())
    return status;
  if (header.fortranOrder)
    return Status::error("fortran_order arrays are not supported (save a "
                         "C-order array, e.g. numpy.ascontiguousarray(a))");
  array.shape = std::move(header.shape);
  if (Status status = checkDataSize(array, size - dataOffset); !status.ok())
    return status;
  array.data.assign(bytes + dataOffset, bytes + size);
  out = std::move(array);
  return Status::success();
}

Status nnc::readNpy(const std::string &path, NpyArray &out) {
  std::vector<uint8_t> bytes;
  if (Status status = readFile(path, bytes); !status.ok())
    return status;
  if (bytes.empty())
    return Status::error(path + ": file is empty");
  return withPath(path, parseNpy(bytes.data(), bytes.size(), out));
}

Status nnc::writeNpy(const std::string &path, const NpyArray &array) {
  if (Status status = checkWritable(array); !status.ok())
    return withPath(path, std::move(status));
  std::string header;
  if (Status status =
          encodeNpyHeader(descrOf(array.dtype), array.shape, header);
      !status.ok())
    return withPath(path, std::move(status));
  return writeFileAtomically(path, {{header.data(), header.size()},
                                    {array.data.data(), array.data.size()}});
}
