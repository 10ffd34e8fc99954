//===- TrainTestUtil.cpp - Helpers for the nnc train tests ----------------===//

#include "TrainTestUtil.h"

#include <zlib.h>

using namespace nnc::train::test;

const char *const nnc::train::test::kClassifierSo = NNC_TEST_CLASSIFIER_SO;
const char *const nnc::train::test::kFixedBatchClassifierSo =
    NNC_TEST_FIXED_BATCH_CLASSIFIER_SO;

std::vector<uint8_t>
nnc::train::test::idxBytes(const std::vector<uint32_t> &shape,
                           const std::vector<uint8_t> &values) {
  std::vector<uint8_t> bytes = {0, 0, 0x08, uint8_t(shape.size())};
  for (uint32_t size : shape)
    for (int shift = 24; shift >= 0; shift -= 8)
      bytes.push_back(uint8_t(size >> shift));
  bytes.insert(bytes.end(), values.begin(), values.end());
  return bytes;
}

void nnc::train::test::writeGzip(const std::string &path,
                                 const std::vector<uint8_t> &bytes) {
  gzFile file = gzopen(path.c_str(), "wb");
  ASSERT_NE(file, nullptr);
  EXPECT_EQ(gzwrite(file, bytes.data(), unsigned(bytes.size())),
            int(bytes.size()));
  EXPECT_EQ(gzclose(file), Z_OK);
}

std::string nnc::train::test::errorOf(const Status &status) {
  return status.ok() ? "<ok>" : status.message();
}
