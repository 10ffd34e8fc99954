//===- NpyFileTest.cpp - Reading and writing .npy files -------------------===//

#include "NpyTestUtil.h"

#include <nnc/Npy.h>

#include <gtest/gtest.h>

#include <filesystem>
#include <tuple>

using namespace nnc;
using namespace nnc::test;

namespace {

using RoundTripParam = std::tuple<DType, std::vector<int64_t>>;

class NpyRoundTripTest : public testing::TestWithParam<RoundTripParam> {};

// Tests that writing then reading an array gives back its dtype, shape and
// bytes.
TEST_P(NpyRoundTripTest, PreservesDtypeShapeAndData) {
  auto [dtype, shape] = GetParam();
  TempDir dir;
  NpyArray written = iotaArray(dtype, shape), read;
  ASSERT_TRUE(writeNpy(dir.file("a.npy"), written).ok());
  Status status = readNpy(dir.file("a.npy"), read);
  ASSERT_TRUE(status.ok()) << status.message();
  EXPECT_EQ(read.dtype, dtype);
  EXPECT_EQ(read.shape, shape);
  EXPECT_EQ(read.data, written.data);
}

std::string shapeName(const std::vector<int64_t> &shape) {
  if (shape.empty())
    return "scalar";
  std::string name;
  for (int64_t dim : shape)
    name += (name.empty() ? "" : "x") + std::to_string(dim);
  return name;
}

INSTANTIATE_TEST_SUITE_P(
    AllDtypes, NpyRoundTripTest,
    testing::Combine(testing::Values(DType::F32, DType::F64, DType::I64,
                                     DType::I32, DType::Bool),
                     testing::Values(std::vector<int64_t>{2, 3},
                                     std::vector<int64_t>{},
                                     std::vector<int64_t>{0},
                                     std::vector<int64_t>{2, 0, 3})),
    [](const testing::TestParamInfo<RoundTripParam> &param) {
      return std::string(dtypeName(std::get<0>(param.param))) + "_" +
             shapeName(std::get<1>(param.param));
    });

// Tests that the writer reproduces numpy.save's bytes, header padding included.
TEST(NpyWriteTest, MatchesNumpySaveByteForByte) {
  TempDir dir;
  ASSERT_TRUE(writeNpy(dir.file("a.npy"), iotaArray(DType::F32, {2, 3})).ok());
  EXPECT_EQ(readBytes(dir.file("a.npy")),
            bytesOf(kArange6Header + kArange6Data));
}

// Tests that the data starts on a 64-byte boundary whatever the header length.
TEST(NpyWriteTest, AlignsDataTo64Bytes) {
  TempDir dir;
  for (std::vector<int64_t> shape : {std::vector<int64_t>{},
                                     {7},
                                     {2, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 3},
                                     {123456789012, 0, 3}}) {
    NpyArray array = iotaArray(DType::I32, shape);
    ASSERT_TRUE(writeNpy(dir.file("a.npy"), array).ok());
    size_t size = readBytes(dir.file("a.npy")).size();
    EXPECT_EQ((size - array.data.size()) % 64, 0u) << describeShape(shape);
  }
}

// Tests that writing over an existing file replaces its contents.
TEST(NpyWriteTest, ReplacesExistingFile) {
  TempDir dir;
  writeBytes(dir.file("a.npy"), bytesOf("old contents"));
  NpyArray array = iotaArray(DType::I64, {4}), read;
  ASSERT_TRUE(writeNpy(dir.file("a.npy"), array).ok());
  ASSERT_TRUE(readNpy(dir.file("a.npy"), read).ok());
  EXPECT_EQ(read.data, array.data);
  EXPECT_EQ(dir.list(), std::vector<std::string>{"a.npy"});
}

// Tests that a write into a missing directory fails and creates nothing.
TEST(NpyWriteTest, MissingDirectoryLeavesNoFile) {
  TempDir dir;
  std::string path = dir.file("missing/a.npy");
  Status status = writeNpy(path, iotaArray(DType::F32, {2}));
  EXPECT_FALSE(status.ok());
  EXPECT_TRUE(
      startsWith(status.message(),
                 path + ": cannot create temporary file '" + path + ".tmp."));
  EXPECT_TRUE(endsWith(status.message(), "': No such file or directory"));
  EXPECT_TRUE(dir.list().empty());
}

// Tests that when the final rename fails the temporary file is removed.
TEST(NpyWriteTest, FailedRenameRemovesTemporary) {
  TempDir dir;
  std::filesystem::create_directory(dir.file("a.npy"));
  Status status = writeNpy(dir.file("a.npy"), iotaArray(DType::F32, {2}));
  EXPECT_FALSE(status.ok());
  EXPECT_TRUE(startsWith(status.message(),
                         dir.file("a.npy") + ": cannot rename temporary file"));
  EXPECT_TRUE(endsWith(status.message(), "': Is a directory"));
  EXPECT_EQ(dir.list(), std::vector<std::string>{"a.npy"});
}

// Tests that an array whose data does not fit its shape is not written and
// the existing file is kept.
TEST(NpyWriteTest, InconsistentArrayKeepsExistingFile) {
  TempDir dir;
  writeBytes(dir.file("a.npy"), bytesOf("old contents"));
  NpyArray array = iotaArray(DType::F32, {2, 3});
  array.data.resize(20);
  Status status = writeNpy(dir.file("a.npy"), array);
  EXPECT_EQ(status.message(), dir.file("a.npy") + ": array data has 20 bytes "
                                                  "but shape [2, 3] of f32 "
                                                  "needs 24");
  EXPECT_EQ(readBytes(dir.file("a.npy")), bytesOf("old contents"));
  EXPECT_EQ(dir.list(), std::vector<std::string>{"a.npy"});
}

// Tests that a negative dimension is refused before anything is written.
TEST(NpyWriteTest, RejectsNegativeDimension) {
  TempDir dir;
  NpyArray array;
  array.shape = {2, -1};
  Status status = writeNpy(dir.file("a.npy"), array);
  EXPECT_EQ(status.message(), dir.file("a.npy") +
                                  ": cannot write shape [2, -1] of f32: "
                                  "negative or too large dimensions");
  EXPECT_TRUE(dir.list().empty());
}

// Tests that a missing file is reported with its path and the cause.
TEST(NpyReadTest, MissingFileNamesPath) {
  TempDir dir;
  NpyArray array;
  Status status = readNpy(dir.file("missing.npy"), array);
  EXPECT_EQ(status.message(), dir.file("missing.npy") +
                                  ": cannot open file: No such file or "
                                  "directory");
}

// Tests that an empty file is reported as such rather than as bad magic.
TEST(NpyReadTest, EmptyFileNamesPath) {
  TempDir dir;
  writeBytes(dir.file("empty.npy"), {});
  NpyArray array;
  Status status = readNpy(dir.file("empty.npy"), array);
  EXPECT_EQ(status.message(), dir.file("empty.npy") + ": file is empty");
}

// Tests that a path that cannot be read (here a directory) names the cause.
TEST(NpyReadTest, UnreadablePathNamesCause) {
  TempDir dir;
  NpyArray array;
  Status status = readNpy(dir.path(), array);
  EXPECT_EQ(status.message(),
            dir.path() + ": cannot read file: Is a directory");
}

// Tests that format errors found while reading are prefixed with the path.
TEST(NpyReadTest, FormatErrorIsPrefixedWithPath) {
  TempDir dir;
  std::string path = dir.file("x.npy");
  writeBytes(path, npyBytes("{'descr': '<f2', 'fortran_order': False, "
                            "'shape': (2,), }",
                            "abcd"));
  NpyArray array;
  Status status = readNpy(path, array);
  EXPECT_EQ(status.message(), path + ": unsupported dtype '<f2' (expected one "
                                     "of <f4, <f8, <i8, <i4, |b1)");
}

} // namespace
