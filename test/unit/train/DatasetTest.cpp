//===- DatasetTest.cpp - Loading data directories -------------------------===//

#include "TrainTestUtil.h"

#include "tools/nnc/train/Dataset.h"

#include <nnc/Npy.h>

#include "llvm/Support/FileSystem.h"

using namespace nnc;
using namespace nnc::train;
using namespace nnc::train::test;

namespace {

/// Writes a tiny MNIST-style directory: 3 training and 2 test images of
/// 2x2 pixels; the test files gzipped, the training files not.
void writeIdxDirectory(const TempDir &dir) {
  writeBytes(dir.file("train-images-idx3-ubyte"),
             idxBytes({3, 2, 2}, {0, 255, 51, 102, 1, 2, 3, 4, 5, 6, 7, 8}));
  writeBytes(dir.file("train-labels-idx1-ubyte"), idxBytes({3}, {7, 0, 9}));
  writeGzip(dir.file("t10k-images-idx3-ubyte.gz"),
            idxBytes({2, 2, 2}, {10, 20, 30, 40, 50, 60, 70, 80}));
  writeGzip(dir.file("t10k-labels-idx1-ubyte.gz"), idxBytes({2}, {1, 2}));
}

// Tests that IDX images are scaled to [0, 1] and labels become i64, from
// plain and gzipped files alike.
TEST(DatasetTest, LoadsIdxDirectories) {
  TempDir dir;
  writeIdxDirectory(dir);
  DataSplits data;
  Status status = loadDataDirectory(dir.path(), data);
  ASSERT_TRUE(status.ok()) << status.message();
  EXPECT_EQ(data.train.examples.shape(), (std::vector<int64_t>{3, 2, 2}));
  const float *pixels = data.train.examples.data<float>();
  EXPECT_EQ(pixels[0], 0.0f);
  EXPECT_EQ(pixels[1], 1.0f);
  EXPECT_FLOAT_EQ(pixels[2], 0.2f);
  EXPECT_EQ(data.train.labels.data<int64_t>()[2], 9);
  EXPECT_EQ(data.test.size(), 2);
  EXPECT_FLOAT_EQ(data.test.examples.data<float>()[7], 80.0f / 255.0f);
  EXPECT_NE(data.source.find("MNIST IDX files"), std::string::npos);
}

// Tests the NumPy layout, with f64 images and i32 labels converted.
TEST(DatasetTest, LoadsNpyDirectories) {
  TempDir dir;
  auto write = [&](const char *name, DType dtype, std::vector<int64_t> shape,
                   std::vector<uint8_t> data) {
    NpyArray array{dtype, std::move(shape), std::move(data)};
    ASSERT_TRUE(writeNpy(dir.file(name), array).ok());
  };
  double images[4] = {0.25, 0.5, 0.75, 1.0};
  int32_t labels[2] = {3, 4};
  auto bytes = [](const void *data, size_t size) {
    auto *begin = static_cast<const uint8_t *>(data);
    return std::vector<uint8_t>(begin, begin + size);
  };
  write("train-images.npy", DType::F64, {2, 2}, bytes(images, 32));
  write("train-labels.npy", DType::I32, {2}, bytes(labels, 8));
  write("t10k-images.npy", DType::F64, {2, 2}, bytes(images, 32));
  write("t10k-labels.npy", DType::I32, {2}, bytes(labels, 8));
  DataSplits data;
  Status status = loadDataDirectory(dir.path(), data);
  ASSERT_TRUE(status.ok()) << status.message();
  EXPECT_EQ(data.train.examples.dtype(), DType::F32);
  EXPECT_EQ(data.train.examples.data<float>()[2], 0.75f);
  EXPECT_EQ(data.test.labels.data<int64_t>()[1], 4);
  write("train-labels.npy", DType::F32, {2}, bytes(images, 8));
  EXPECT_EQ(errorOf(loadDataDirectory(dir.path(), data)),
            dir.file("train-labels.npy") +
                ": labels must be i64 or i32 [N], got f32 [2]");
}

// Tests the errors for a missing directory, a directory without data, an
// incomplete layout and counts that disagree.
TEST(DatasetTest, RejectsMissingAndMismatchedFiles) {
  TempDir dir;
  DataSplits data;
  std::string missing = dir.file("nope");
  EXPECT_EQ(errorOf(loadDataDirectory(missing, data)),
            missing + ": no such directory");
  std::string message = errorOf(loadDataDirectory(dir.path(), data));
  EXPECT_NE(message.find("no training data: expected "
                         "train-images-idx3-ubyte[.gz]"),
            std::string::npos)
      << message;
  writeIdxDirectory(dir);
  llvm::sys::fs::remove(dir.file("t10k-labels-idx1-ubyte.gz"));
  EXPECT_EQ(errorOf(loadDataDirectory(dir.path(), data)),
            dir.path() + ": found train-images-idx3-ubyte but not "
                         "t10k-labels-idx1-ubyte[.gz]");
  writeGzip(dir.file("t10k-labels-idx1-ubyte.gz"), idxBytes({3}, {1, 2, 3}));
  EXPECT_EQ(errorOf(loadDataDirectory(dir.path(), data)),
            dir.path() + ": the test set has 2 examples but 3 labels");
  writeBytes(dir.file("train-images-idx3-ubyte"), idxBytes({3, 2, 2}, {1}));
  EXPECT_EQ(errorOf(loadDataDirectory(dir.path(), data)),
            dir.file("train-images-idx3-ubyte") +
                ": the IDX header promises 12 elements but 1 bytes follow it");
}

} // namespace
