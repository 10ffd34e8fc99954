//===- NpyTestUtil.cpp - Helpers shared by the runtime unit tests ---------===//

#include "NpyTestUtil.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>

namespace fs = std::filesystem;
using namespace nnc;
using namespace nnc::test;

// The dict, 20 spaces of room to grow the first dimension, 38 spaces of
// alignment padding and '\n' make a 128-byte header, as numpy.save writes it.
const std::string nnc::test::kArange6Header =
    std::string("\x93NUMPY\x01\x00\x76\x00", 10) +
    "{'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), }" +
    std::string(58, ' ') + "\n";
const std::string nnc::test::kArange6Data("\x00\x00\x00\x00\x00\x00\x80\x3f"
                                          "\x00\x00\x00\x40\x00\x00\x40\x40"
                                          "\x00\x00\x80\x40\x00\x00\xa0\x40",
                                          24);

std::vector<uint8_t> nnc::test::npyBytes(const std::string &dict,
                                         const std::string &data,
                                         uint8_t majorVersion) {
  size_t lengthSize = majorVersion == 1 ? 2 : 4;
  size_t prefixSize = 8 + lengthSize;
  size_t padding = 64 - (prefixSize + dict.size() + 1) % 64;
  size_t headerLength = dict.size() + padding + 1;
  std::string file = std::string("\x93NUMPY", 6) + char(majorVersion) + '\0';
  for (size_t i = 0; i < lengthSize; ++i)
    file += char((headerLength >> (8 * i)) & 0xff);
  file += dict + std::string(padding, ' ') + "\n" + data;
  return bytesOf(file);
}

std::vector<uint8_t> nnc::test::bytesOf(const std::string &text) {
  return std::vector<uint8_t>(text.begin(), text.end());
}

NpyArray nnc::test::iotaArray(DType dtype, std::vector<int64_t> shape) {
  NpyArray array;
  array.dtype = dtype;
  array.shape = std::move(shape);
  size_t size = dtypeSize(dtype);
  array.data.resize(size_t(array.numElements()) * size);
  for (int64_t i = 0; i < array.numElements(); ++i) {
    uint8_t *element = array.data.data() + size_t(i) * size;
    float f32 = float(i);
    double f64 = double(i);
    int64_t i64 = i;
    int32_t i32 = int32_t(i);
    bool boolean = i % 2 == 1;
    // Indexed by DType.
    const void *values[] = {&f32, &f64, &i64, &i32, &boolean};
    std::memcpy(element, values[size_t(dtype)], size);
  }
  return array;
}

std::string nnc::test::parseError(const std::vector<uint8_t> &bytes) {
  NpyArray array;
  Status status = parseNpy(bytes.data(), bytes.size(), array);
  return status.message();
}

testing::AssertionResult nnc::test::startsWith(const std::string &text,
                                               const std::string &affix) {
  if (text.compare(0, affix.size(), affix) == 0)
    return testing::AssertionSuccess();
  return testing::AssertionFailure()
         << "\"" << text << "\" does not start with \"" << affix << "\"";
}

testing::AssertionResult nnc::test::endsWith(const std::string &text,
                                             const std::string &affix) {
  if (text.size() >= affix.size() &&
      text.compare(text.size() - affix.size(), affix.size(), affix) == 0)
    return testing::AssertionSuccess();
  return testing::AssertionFailure()
         << "\"" << text << "\" does not end with \"" << affix << "\"";
}

void nnc::test::storeElement(Tensor &tensor, int64_t i, double value) {
  switch (tensor.dtype()) {
  case DType::F32:
    tensor.data<float>()[i] = float(value);
    break;
  case DType::F64:
    tensor.data<double>()[i] = value;
    break;
  case DType::I64:
    tensor.data<int64_t>()[i] = int64_t(value);
    break;
  case DType::I32:
    tensor.data<int32_t>()[i] = int32_t(value);
    break;
  case DType::Bool:
    tensor.data<bool>()[i] = value != 0;
    break;
  }
}

TempDir::TempDir() {
  std::string pattern =
      (fs::temp_directory_path() / "nnc-test-XXXXXX").string();
  if (!::mkdtemp(pattern.data()))
    ADD_FAILURE() << "cannot create a temporary directory from " << pattern;
  dir = pattern;
}

TempDir::~TempDir() {
  std::error_code ignored;
  fs::remove_all(dir, ignored);
}

std::vector<std::string> TempDir::list() const {
  std::vector<std::string> names;
  std::error_code error;
  for (const fs::directory_entry &entry : fs::directory_iterator(dir, error))
    names.push_back(entry.path().filename().string());
  std::sort(names.begin(), names.end());
  return names;
}

std::vector<uint8_t> nnc::test::readBytes(const std::string &path) {
  std::ifstream in(path, std::ios::binary);
  return std::vector<uint8_t>(std::istreambuf_iterator<char>(in), {});
}

void nnc::test::writeBytes(const std::string &path,
                           const std::vector<uint8_t> &bytes) {
  std::ofstream out(path, std::ios::binary);
  out.write(reinterpret_cast<const char *>(bytes.data()),
            std::streamsize(bytes.size()));
  ASSERT_TRUE(out.good()) << "cannot write " << path;
}
