//===- SafetensorsTest.cpp - The safetensors format -----------------------===//
//
// Writes files and checks their bytes against the format's definition by
// hand, reads hand-made files, and rejects every kind of corrupt file with a
// message that names the defect.
//
//===----------------------------------------------------------------------===//

#include "NpyTestUtil.h"
#include "RuntimeTestUtil.h"

#include <nnc/Safetensors.h>

#include <gtest/gtest.h>

#include <cstring>

using namespace nnc;
using namespace nnc::test;

namespace {

/// A safetensors file: the 8-byte little-endian size of `header`, `header`,
/// then `data`.
std::vector<uint8_t> fileBytes(const std::string &header,
                               const std::string &data) {
  std::vector<uint8_t> bytes(8);
  for (int i = 0; i < 8; ++i)
    bytes[i] = uint8_t(uint64_t(header.size()) >> (8 * i));
  bytes.insert(bytes.end(), header.begin(), header.end());
  bytes.insert(bytes.end(), data.begin(), data.end());
  return bytes;
}

std::string parseFailure(const std::vector<uint8_t> &bytes) {
  SafetensorsContents contents;
  return errorOf(parseSafetensors(bytes.data(), bytes.size(), contents));
}

/// 1.0f and 2.0f, little-endian.
const std::string kTwoFloats("\x00\x00\x80\x3f\x00\x00\x00\x40", 8);

// Tests that the writer lays out exactly the format: size, JSON header padded
// with spaces to 8 bytes, then the data in the order given.
TEST(SafetensorsTest, WritesTheDocumentedLayout) {
  TempDir dir;
  std::string path = dir.file("a.safetensors");
  Tensor scalar = iotaTensor(DType::I64, {}, 7);
  ASSERT_TRUE(writeSafetensors(path,
                               {{"w", f32Tensor({2}, {1, 2})}, {"n", scalar}},
                               {{"step", "3"}})
                  .ok());
  std::vector<uint8_t> bytes = readBytes(path);
  std::string header = "{\"__metadata__\":{\"step\":\"3\"},"
                       "\"w\":{\"dtype\":\"F32\",\"shape\":[2],"
                       "\"data_offsets\":[0,8]},"
                       "\"n\":{\"dtype\":\"I64\",\"shape\":[],"
                       "\"data_offsets\":[8,16]}}";
  header.append((8 - header.size() % 8) % 8, ' ');
  std::string seven("\x07\0\0\0\0\0\0\0", 8);
  EXPECT_EQ(bytes, fileBytes(header, kTwoFloats + seven));
  EXPECT_EQ(dir.list(), std::vector<std::string>{"a.safetensors"});
}

// Tests that every dtype, an empty tensor and the metadata survive a round
// trip.
TEST(SafetensorsTest, RoundTripsEveryDType) {
  TempDir dir;
  std::vector<NamedTensor> tensors;
  for (DType dtype :
       {DType::F32, DType::F64, DType::I64, DType::I32, DType::Bool})
    tensors.push_back({dtypeName(dtype), iotaTensor(dtype, {2, 3}, 1)});
  tensors.push_back({"empty", iotaTensor(DType::F32, {0, 4})});
  std::string path = dir.file("all.safetensors");
  ASSERT_TRUE(
      writeSafetensors(path, tensors, {{"k", "a \"quoted\"\nvalue"}}).ok());
  SafetensorsContents contents;
  Status status = readSafetensors(path, contents);
  ASSERT_TRUE(status.ok()) << status.message();
  EXPECT_EQ(contents.metadata.at("k"), "a \"quoted\"\nvalue");
  ASSERT_EQ(contents.tensors.size(), tensors.size());
  for (const NamedTensor &named : tensors) {
    const Tensor *read = contents.find(named.name);
    ASSERT_NE(read, nullptr) << named.name;
    EXPECT_EQ(read->dtype(), named.tensor.dtype());
    EXPECT_EQ(read->shape(), named.tensor.shape());
    EXPECT_EQ(
        std::memcmp(read->data(), named.tensor.data(), named.tensor.byteSize()),
        0)
        << named.name;
  }
}

// Tests that a file written by another producer (keys in any order, data in
// another order than the header, whitespace, escapes) is read.
TEST(SafetensorsTest, ReadsForeignFiles) {
  std::string header = " { \"b\\u0061\" : {\"shape\":[1],\"data_offsets\":"
                       "[4, 8],\"dtype\":\"F32\"},\n\"a\":{\"dtype\":\"F32\","
                       "\"shape\":[],\"data_offsets\":[0,4]}}";
  SafetensorsContents contents;
  std::vector<uint8_t> bytes = fileBytes(header, kTwoFloats);
  Status status = parseSafetensors(bytes.data(), bytes.size(), contents);
  ASSERT_TRUE(status.ok()) << status.message();
  ASSERT_EQ(contents.tensors.size(), 2u);
  EXPECT_EQ(contents.tensors[0].name, "a");
  EXPECT_EQ(f32Values(*contents.find("a")), std::vector<float>{1});
  EXPECT_EQ(f32Values(*contents.find("ba")), std::vector<float>{2});
  EXPECT_TRUE(contents.metadata.empty());
}

struct CorruptCase {
  const char *name;
  std::string header;
  std::string data;
  const char *message;
};

class SafetensorsCorruptTest : public testing::TestWithParam<CorruptCase> {};

// Tests that a corrupt header or data part is rejected with its defect named.
TEST_P(SafetensorsCorruptTest, IsRejected) {
  const CorruptCase &c = GetParam();
  std::string message = parseFailure(fileBytes(c.header, c.data));
  EXPECT_NE(message.find(c.message), std::string::npos) << message;
}

const std::string kEntry = "\"dtype\":\"F32\",\"shape\":[2],";

INSTANTIATE_TEST_SUITE_P(
    Cases, SafetensorsCorruptTest,
    testing::Values(
        CorruptCase{"NotJson", "{\"w\":", "", "malformed safetensors header"},
        CorruptCase{"NotObject", "[1]", "", "the header is not a JSON object"},
        CorruptCase{"TrailingComma", "{\"w\":{" + kEntry + "},}", "",
                    "at byte"},
        CorruptCase{"DuplicateKey",
                    "{\"w\":{" + kEntry + "\"data_offsets\":[0,8]},\"w\":{}}",
                    kTwoFloats, "duplicate key \"w\""},
        CorruptCase{"UnknownDType",
                    "{\"w\":{\"dtype\":\"F16\",\"shape\":[2],"
                    "\"data_offsets\":[0,4]}}",
                    "1234", "unsupported dtype 'F16'"},
        CorruptCase{"MissingField", "{\"w\":{\"dtype\":\"F32\"}}", "",
                    "needs 'dtype', 'shape' and 'data_offsets'"},
        CorruptCase{"UnknownField",
                    "{\"w\":{" + kEntry + "\"data_offsets\":[0,8],\"x\":1}}",
                    kTwoFloats, "unknown field 'x'"},
        CorruptCase{"NegativeSize",
                    "{\"w\":{\"dtype\":\"F32\",\"shape\":[-2],"
                    "\"data_offsets\":[0,8]}}",
                    kTwoFloats, "'shape' holds something other than a size"},
        CorruptCase{"SizeMismatch",
                    "{\"w\":{" + kEntry + "\"data_offsets\":[0,4]}}", "1234",
                    "has 4 bytes of data, but F32 [2] needs 8"},
        CorruptCase{"ReversedOffsets",
                    "{\"w\":{" + kEntry + "\"data_offsets\":[8,0]}}",
                    kTwoFloats, "BEGIN <= END"},
        CorruptCase{"Gap", "{\"w\":{" + kEntry + "\"data_offsets\":[4,12]}}",
                    kTwoFloats + "1234", "starts at byte 4, expected 0"},
        CorruptCase{"Truncated",
                    "{\"w\":{" + kEntry + "\"data_offsets\":[0,8]}}", "1234",
                    "describes 8 bytes of tensor data, but the file holds 4"},
        CorruptCase{"TrailingData",
                    "{\"w\":{" + kEntry + "\"data_offsets\":[0,8]}}",
                    kTwoFloats + "x", "the file holds 9"},
        CorruptCase{"MetadataNotString", "{\"__metadata__\":{\"step\":3}}", "",
                    "'__metadata__' entry 'step' is not a string"},
        CorruptCase{"DeepNesting",
                    std::string(100, '[') + std::string(100, ']'), "",
                    "nesting deeper than 64"}),
    [](const testing::TestParamInfo<CorruptCase> &info) {
      return info.param.name;
    });

// Tests that a file too short for the size field, or whose header size runs
// past its end, is rejected before anything is allocated for the header.
TEST(SafetensorsTest, RejectsBadHeaderSizes) {
  EXPECT_NE(parseFailure({1, 2, 3}).find("too short for the header size"),
            std::string::npos);
  std::vector<uint8_t> huge = fileBytes("{}", "");
  huge[7] = 0x7f; // a header of about 2^62 bytes
  EXPECT_NE(parseFailure(huge).find("does not fit in a file of 10 bytes"),
            std::string::npos)
      << parseFailure(huge);
}

// Tests that read errors name the path, and that a failed write (duplicate
// names, a missing directory) leaves nothing behind.
TEST(SafetensorsTest, FileErrorsNameThePath) {
  TempDir dir;
  SafetensorsContents contents;
  std::string missing = dir.file("missing.safetensors");
  EXPECT_TRUE(startsWith(errorOf(readSafetensors(missing, contents)),
                         missing + ": cannot open file"));
  writeBytes(dir.file("bad"), {1, 2});
  EXPECT_TRUE(startsWith(errorOf(readSafetensors(dir.file("bad"), contents)),
                         dir.file("bad") + ": not a safetensors file"));
  Tensor t = f32Tensor({1}, {1});
  std::string path = dir.file("dup.safetensors");
  EXPECT_EQ(errorOf(writeSafetensors(path, {{"a", t}, {"a", t}}, {})),
            path + ": tensor name 'a' appears twice");
  EXPECT_EQ(errorOf(writeSafetensors(path, {{"__metadata__", t}}, {})),
            path + ": invalid tensor name '__metadata__'");
  EXPECT_FALSE(
      writeSafetensors(dir.file("no/such/dir.safetensors"), {{"a", t}}, {})
          .ok());
  EXPECT_EQ(dir.list(), std::vector<std::string>{"bad"});
}

} // namespace
