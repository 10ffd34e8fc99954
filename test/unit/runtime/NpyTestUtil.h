//===- NpyTestUtil.h - Helpers shared by the runtime unit tests -*- C++ -*-===//

#ifndef NNC_TEST_UNIT_RUNTIME_NPYTESTUTIL_H
#define NNC_TEST_UNIT_RUNTIME_NPYTESTUTIL_H

#include <nnc/Npy.h>
#include <nnc/Tensor.h>

#include <gtest/gtest.h>

#include <cstdint>
#include <string>
#include <vector>

namespace nnc::test {

/// A .npy file holding `dict` as its header, laid out as numpy.save lays it out
/// (padding to 64 bytes, final '\n'), followed by `data`. Tests build the
/// defect they check into `dict` or `data` and keep everything else valid.
std::vector<uint8_t> npyBytes(const std::string &dict,
                              const std::string &data = "",
                              uint8_t majorVersion = 1);

/// The header numpy.save writes for numpy.arange(6, dtype='<f4').reshape(2, 3)
/// and the data that follows it (0.0f .. 5.0f, little-endian).
extern const std::string kArange6Header;
extern const std::string kArange6Data;

/// Raw bytes from a string literal such as "\x00\x00\x80\x3f".
std::vector<uint8_t> bytesOf(const std::string &text);

/// An array holding 0, 1, 2, ... (0, 1, 0, ... for Bool), as
/// numpy.arange(n).astype(dtype).reshape(shape) would.
NpyArray iotaArray(DType dtype, std::vector<int64_t> shape);

/// Stores `value` as element `i` of `tensor`, converted to its dtype (bools:
/// nonzero is true).
void storeElement(Tensor &tensor, int64_t i, double value);

/// The parse error for `bytes`, or "" if they parse.
std::string parseError(const std::vector<uint8_t> &bytes);

/// Whether `text` starts (ends) with `affix`; failures show both strings.
testing::AssertionResult startsWith(const std::string &text,
                                    const std::string &affix);
testing::AssertionResult endsWith(const std::string &text,
                                  const std::string &affix);

/// A fresh directory, removed with its contents when the object dies.
class TempDir {
public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir &) = delete;
  TempDir &operator=(const TempDir &) = delete;

  const std::string &path() const { return dir; }
  std::string file(const std::string &name) const { return dir + "/" + name; }
  /// The names in the directory, sorted.
  std::vector<std::string> list() const;

private:
  std::string dir;
};

std::vector<uint8_t> readBytes(const std::string &path);
void writeBytes(const std::string &path, const std::vector<uint8_t> &bytes);

} // namespace nnc::test

#endif // NNC_TEST_UNIT_RUNTIME_NPYTESTUTIL_H
