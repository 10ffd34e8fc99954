//===- IdxTest.cpp - MNIST IDX files, plain and gzipped -------------------===//

#include "TrainTestUtil.h"

#include "tools/nnc/train/Gzip.h"
#include "tools/nnc/train/Idx.h"

using namespace nnc;
using namespace nnc::train;
using namespace nnc::train::test;

namespace {

std::string parseFailure(const std::vector<uint8_t> &bytes) {
  IdxArray array;
  return errorOf(parseIdx(bytes, array));
}

// Tests that sizes are big-endian and values come in C order.
TEST(IdxTest, ParsesHeaderAndValues) {
  IdxArray array;
  ASSERT_TRUE(parseIdx(idxBytes({2, 3}, {1, 2, 3, 4, 5, 6}), array).ok());
  EXPECT_EQ(array.shape, (std::vector<int64_t>{2, 3}));
  EXPECT_EQ(array.values, (std::vector<uint8_t>{1, 2, 3, 4, 5, 6}));
  std::vector<uint8_t> big = idxBytes({258}, std::vector<uint8_t>(258, 7));
  ASSERT_TRUE(parseIdx(big, array).ok());
  EXPECT_EQ(array.shape, std::vector<int64_t>{258});
}

// Tests that a gzipped file reads the same as the plain one.
TEST(IdxTest, ReadsGzippedFiles) {
  TempDir dir;
  std::vector<uint8_t> bytes = idxBytes({2, 2}, {9, 8, 7, 6});
  writeGzip(dir.file("a.gz"), bytes);
  IdxArray array;
  Status status = readIdx(dir.file("a.gz"), 2, array);
  ASSERT_TRUE(status.ok()) << status.message();
  EXPECT_EQ(array.values, (std::vector<uint8_t>{9, 8, 7, 6}));
}

// Tests the defects of IDX headers and data, each named.
TEST(IdxTest, RejectsCorruptFiles) {
  EXPECT_EQ(parseFailure({0, 0}),
            "not an IDX file: 2 bytes, too short for the magic number");
  EXPECT_EQ(parseFailure({1, 2, 8, 1}),
            "not an IDX file: magic number 0x01020801 does not start with "
            "two zero bytes");
  EXPECT_EQ(parseFailure({0, 0, 0x0d, 1, 0, 0, 0, 0}),
            "IDX element type 0x0d (float) is not supported; MNIST files "
            "hold unsigned bytes (0x08)");
  EXPECT_EQ(parseFailure({0, 0, 8, 3, 0, 0, 0, 1}),
            "truncated IDX header: 3 sizes need 16 bytes, the file has 8");
  EXPECT_EQ(parseFailure(idxBytes({2, 3}, {1, 2, 3})),
            "the IDX header promises 6 elements but 3 bytes follow it");
  EXPECT_EQ(parseFailure(idxBytes({1}, {1, 2})),
            "the IDX header promises 1 elements but 2 bytes follow it");
}

// Tests that the rank is checked and that file errors name the path.
TEST(IdxTest, FileErrorsNameThePath) {
  TempDir dir;
  std::string path = dir.file("labels");
  writeBytes(path, idxBytes({2, 1}, {1, 2}));
  IdxArray array;
  EXPECT_EQ(errorOf(readIdx(path, 1, array)),
            path + ": an IDX file of 2 dimensions, expected 1");
  std::string missing = dir.file("missing");
  EXPECT_EQ(errorOf(readIdx(missing, 1, array)).substr(0, missing.size() + 19),
            missing + ": cannot read file:");
}

// Tests that a truncated or damaged gzip stream is an error, not garbage.
TEST(IdxTest, RejectsCorruptGzip) {
  TempDir dir;
  std::vector<uint8_t> bytes = idxBytes({64}, std::vector<uint8_t>(64, 3));
  writeGzip(dir.file("a.gz"), bytes);
  std::vector<uint8_t> out;
  ASSERT_TRUE(readMaybeGzipped(dir.file("a.gz"), out).ok());
  EXPECT_EQ(out, bytes);
  std::vector<uint8_t> compressed = readBytes(dir.file("a.gz"));
  std::vector<uint8_t> truncated(compressed.begin(), compressed.end() - 10);
  EXPECT_EQ(errorOf(gunzip(truncated, out)), "truncated gzip data");
  std::vector<uint8_t> damaged = compressed;
  damaged[12] ^= 0xff;
  damaged[13] ^= 0xff;
  EXPECT_EQ(errorOf(gunzip(damaged, out)).substr(0, 17), "corrupt gzip data");
  std::vector<uint8_t> trailing = compressed;
  trailing.push_back(0);
  EXPECT_EQ(errorOf(gunzip(trailing, out)),
            "trailing bytes after the gzip data");
}

} // namespace
