//===- TrainTestUtil.h - Helpers for the nnc train tests --------*- C++ -*-===//

#ifndef NNC_TEST_UNIT_TRAIN_TRAINTESTUTIL_H
#define NNC_TEST_UNIT_TRAIN_TRAINTESTUTIL_H

#include "../runtime/NpyTestUtil.h"

#include <nnc/Status.h>

#include <gtest/gtest.h>

#include <cstdint>
#include <string>
#include <vector>

namespace nnc::train::test {

using nnc::test::readBytes;
using nnc::test::TempDir;
using nnc::test::writeBytes;

/// The paths of fixtures/classifier.c built as libraries, with a dynamic
/// and a fixed (50) batch size.
extern const char *const kClassifierSo;
extern const char *const kFixedBatchClassifierSo;

/// IDX bytes: magic 0x0000 08 RANK, big-endian sizes, then `values`.
std::vector<uint8_t> idxBytes(const std::vector<uint32_t> &shape,
                              const std::vector<uint8_t> &values);

/// Writes `bytes` gzip-compressed (zlib's gzwrite).
void writeGzip(const std::string &path, const std::vector<uint8_t> &bytes);

/// The error message of `status`, or "<ok>".
std::string errorOf(const Status &status);

} // namespace nnc::train::test

#endif // NNC_TEST_UNIT_TRAIN_TRAINTESTUTIL_H
