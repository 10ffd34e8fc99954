//===- Safetensors.cpp - Named tensors in the safetensors format ----------===//

#include "nnc/Safetensors.h"
#include "nnc/File.h"
#include "nnc/Json.h"

#include <algorithm>
#include <cstring>
#include <utility>

using namespace nnc;

namespace {
/// The reference implementation refuses larger headers; so do we, before
/// allocating anything for one.
constexpr uint64_t kMaxHeaderBytes = 100u << 20;
constexpr char kMetadataKey[] = "__metadata__";

struct DTypeCode {
  DType dtype;
  const char *code;
};
constexpr DTypeCode kDTypeCodes[] = {{DType::F32, "F32"},
                                     {DType::F64, "F64"},
                                     {DType::I64, "I64"},
                                     {DType::I32, "I32"},
                                     {DType::Bool, "BOOL"}};

const char *codeOf(DType dtype) {
  for (const DTypeCode &entry : kDTypeCodes)
    if (entry.dtype == dtype)
      return entry.code;
  return "?";
}

bool dtypeOfCode(const std::string &code, DType &dtype) {
  for (const DTypeCode &entry : kDTypeCodes) {
    if (code == entry.code) {
      dtype = entry.dtype;
      return true;
    }
  }
  return false;
}

std::string shapeJson(const std::vector<int64_t> &shape) {
  std::string text = "[";
  for (size_t i = 0; i < shape.size(); ++i)
    text += (i ? "," : "") + std::to_string(shape[i]);
  return text + "]";
}

Status checkNames(const std::vector<NamedTensor> &tensors) {
  for (size_t i = 0; i < tensors.size(); ++i) {
    const std::string &name = tensors[i].name;
    if (name.empty() || name == kMetadataKey)
      return Status::error("invalid tensor name '" + name + "'");
    if (tensors[i].tensor.isNull())
      return Status::error("tensor '" + name + "' is null");
    for (size_t j = 0; j < i; ++j)
      if (tensors[j].name == name)
        return Status::error("tensor name '" + name + "' appears twice");
  }
  return Status::success();
}

/// The JSON header, padded with spaces to a multiple of 8 bytes so that the
/// data part starts aligned.
std::string encodeHeader(const std::vector<NamedTensor> &tensors,
                         const std::map<std::string, std::string> &metadata) {
  std::string json = "{";
  if (!metadata.empty()) {
    json += quoteJson(kMetadataKey) + ":{";
    for (auto it = metadata.begin(); it != metadata.end(); ++it)
      json += (it == metadata.begin() ? "" : ",") + quoteJson(it->first) + ":" +
              quoteJson(it->second);
    json += "}";
  }
  uint64_t offset = 0;
  for (const NamedTensor &named : tensors) {
    uint64_t end = offset + named.tensor.byteSize();
    json += (json.size() > 1 ? "," : "") + quoteJson(named.name) +
            ":{\"dtype\":\"" + codeOf(named.tensor.dtype()) +
            "\",\"shape\":" + shapeJson(named.tensor.shape()) +
            ",\"data_offsets\":[" + std::to_string(offset) + "," +
            std::to_string(end) + "]}";
    offset = end;
  }
  json += "}";
  json.append((8 - json.size() % 8) % 8, ' ');
  return json;
}

/// A tensor's entry in the header, checked but not yet read.
struct Entry {
  std::string name;
  DType dtype = DType::F32;
  std::vector<int64_t> shape;
  int64_t begin = 0;
  int64_t end = 0;
};

Status parseShape(const JsonValue &value, std::vector<int64_t> &shape) {
  if (value.kind != JsonValue::Kind::Array)
    return Status::error("'shape' is not an array");
  for (const JsonValue &item : value.items) {
    int64_t size;
    if (!item.asNonNegativeInt(size))
      return Status::error("'shape' holds something other than a size");
    shape.push_back(size);
  }
  return Status::success();
}

Status parseOffsets(const JsonValue &value, Entry &entry) {
  if (value.kind != JsonValue::Kind::Array || value.items.size() != 2 ||
      !value.items[0].asNonNegativeInt(entry.begin) ||
      !value.items[1].asNonNegativeInt(entry.end) || entry.begin > entry.end)
    return Status::error("'data_offsets' is not [BEGIN, END] with BEGIN <= "
                         "END");
  return Status::success();
}

/// The byte size of dtype and shape; false on overflow.
bool expectedBytes(DType dtype, const std::vector<int64_t> &shape,
                   int64_t &bytes) {
  bytes = int64_t(dtypeSize(dtype));
  for (int64_t size : shape)
    if (__builtin_mul_overflow(bytes, size, &bytes))
      return false;
  return true;
}

Status parseEntryFields(const JsonValue &value, Entry &entry) {
  if (value.kind != JsonValue::Kind::Object)
    return Status::error("is not an object");
  for (const auto &[key, field] : value.members)
    if (key != "dtype" && key != "shape" && key != "data_offsets")
      return Status::error("has an unknown field '" + key + "'");
  const JsonValue *dtype = value.find("dtype");
  const JsonValue *shape = value.find("shape");
  const JsonValue *offsets = value.find("data_offsets");
  if (!dtype || !shape || !offsets)
    return Status::error("needs 'dtype', 'shape' and 'data_offsets'");
  if (dtype->kind != JsonValue::Kind::String ||
      !dtypeOfCode(dtype->text, entry.dtype))
    return Status::error("has unsupported dtype '" + dtype->text +
                         "' (expected F32, F64, I64, I32 or BOOL)");
  if (Status status = parseShape(*shape, entry.shape); !status.ok())
    return status;
  if (Status status = parseOffsets(*offsets, entry); !status.ok())
    return status;
  int64_t bytes;
  if (!expectedBytes(entry.dtype, entry.shape, bytes) ||
      bytes != entry.end - entry.begin)
    return Status::error("has " + std::to_string(entry.end - entry.begin) +
                         " bytes of data, but " + codeOf(entry.dtype) + " " +
                         describeShape(entry.shape) + " needs " +
                         std::to_string(bytes));
  return Status::success();
}

Status parseMetadata(const JsonValue &value,
                     std::map<std::string, std::string> &metadata) {
  if (value.kind != JsonValue::Kind::Object)
    return Status::error("'__metadata__' is not an object");
  for (const auto &[key, field] : value.members) {
    if (field.kind != JsonValue::Kind::String)
      return Status::error("'__metadata__' entry '" + key +
                           "' is not a string");
    metadata[key] = field.text;
  }
  return Status::success();
}

/// The tensors' data must tile [0, dataBytes) exactly.
Status checkTiling(std::vector<Entry> &entries, uint64_t dataBytes) {
  std::sort(entries.begin(), entries.end(), [](const Entry &a, const Entry &b) {
    return a.begin != b.begin ? a.begin < b.begin : a.end < b.end;
  });
  uint64_t next = 0;
  for (const Entry &entry : entries) {
    if (uint64_t(entry.begin) != next)
      return Status::error("the data of tensor '" + entry.name +
                           "' starts at byte " + std::to_string(entry.begin) +
                           ", expected " + std::to_string(next) +
                           " (tensors must tile the data without gaps or "
                           "overlaps)");
    next = uint64_t(entry.end);
  }
  if (next != dataBytes)
    return Status::error("the header describes " + std::to_string(next) +
                         " bytes of tensor data, but the file holds " +
                         std::to_string(dataBytes));
  return Status::success();
}

Status parseHeader(const JsonValue &header, SafetensorsContents &contents,
                   std::vector<Entry> &entries) {
  if (header.kind != JsonValue::Kind::Object)
    return Status::error("the header is not a JSON object");
  for (const auto &[key, value] : header.members) {
    if (key == kMetadataKey) {
      if (Status status = parseMetadata(value, contents.metadata); !status.ok())
        return status;
      continue;
    }
    Entry entry;
    entry.name = key;
    if (Status status = parseEntryFields(value, entry); !status.ok())
      return Status::error("tensor '" + key + "' " + status.message());
    entries.push_back(std::move(entry));
  }
  return Status::success();
}

/// Splits off and decodes the header; `dataOffset` is where the data starts.
Status decodeHeader(const uint8_t *bytes, size_t size, JsonValue &header,
                    size_t &dataOffset) {
  if (size < 8)
    return Status::error("not a safetensors file: " + std::to_string(size) +
                         " bytes, too short for the header size");
  uint64_t headerBytes = 0;
  for (int i = 7; i >= 0; --i)
    headerBytes = (headerBytes << 8) | bytes[i];
  if (headerBytes > kMaxHeaderBytes || headerBytes > size - 8)
    return Status::error("not a safetensors file: a header of " +
                         std::to_string(headerBytes) +
                         " bytes does not fit "
                         "in a file of " +
                         std::to_string(size) + " bytes");
  std::string json(reinterpret_cast<const char *>(bytes + 8), headerBytes);
  if (Status status = parseJson(json, header); !status.ok())
    return Status::error("malformed safetensors header: " + status.message());
  dataOffset = 8 + size_t(headerBytes);
  return Status::success();
}
} // namespace

const Tensor *SafetensorsContents::find(const std::string &name) const {
  for (const NamedTensor &named : tensors)
    if (named.name == name)
      return &named.tensor;
  return nullptr;
}

Status
nnc::writeSafetensors(const std::string &path,
                      const std::vector<NamedTensor> &tensors,
                      const std::map<std::string, std::string> &metadata) {
  if (Status status = checkNames(tensors); !status.ok())
    return Status::error(path + ": " + status.message());
  std::string header = encodeHeader(tensors, metadata);
  uint8_t length[8];
  for (int i = 0; i < 8; ++i)
    length[i] = uint8_t(uint64_t(header.size()) >> (8 * i));
  std::vector<ByteRange> pieces = {{length, sizeof(length)},
                                   {header.data(), header.size()}};
  for (const NamedTensor &named : tensors)
    pieces.push_back({named.tensor.data(), named.tensor.byteSize()});
  return writeFileAtomically(path, pieces);
}

Status nnc::parseSafetensors(const uint8_t *bytes, size_t size,
                             SafetensorsContents &out) {
  JsonValue header;
  size_t dataOffset = 0;
  if (Status status = decodeHeader(bytes, size, header, dataOffset);
      !status.ok())
    return status;
  SafetensorsContents contents;
  std::vector<Entry> entries;
  if (Status status = parseHeader(header, contents, entries); !status.ok())
    return status;
  if (Status status = checkTiling(entries, size - dataOffset); !status.ok())
    return status;
  for (Entry &entry : entries) {
    Tensor tensor;
    if (Status status = Tensor::create(entry.dtype, entry.shape, tensor);
        !status.ok())
      return Status::error("tensor '" + entry.name + "': " + status.message());
    if (tensor.byteSize() > 0)
      std::memcpy(tensor.data(), bytes + dataOffset + entry.begin,
                  tensor.byteSize());
    contents.tensors.push_back({std::move(entry.name), std::move(tensor)});
  }
  out = std::move(contents);
  return Status::success();
}

Status nnc::readSafetensors(const std::string &path, SafetensorsContents &out) {
  std::vector<uint8_t> bytes;
  if (Status status = readFile(path, bytes); !status.ok())
    return status;
  if (Status status = parseSafetensors(bytes.data(), bytes.size(), out);
      !status.ok())
    return Status::error(path + ": " + status.message());
  return Status::success();
}
