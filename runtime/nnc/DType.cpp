//===- DType.cpp - Element types of runtime arrays ------------------------===//

#include "nnc/DType.h"

#include <iterator>

using namespace nnc;

namespace {
struct DTypeInfo {
  const char *name;
  size_t size;
};

// Indexed by DType; keep in enum order.
constexpr DTypeInfo kDTypeInfos[] = {
    {"f32", 4}, {"f64", 8}, {"i64", 8}, {"i32", 4}, {"bool", 1}};
static_assert(std::size(kDTypeInfos) == static_cast<size_t>(DType::Bool) + 1,
              "kDTypeInfos must list every DType");

const DTypeInfo &info(DType dtype) {
  return kDTypeInfos[static_cast<size_t>(dtype)];
}
} // namespace

const char *nnc::dtypeName(DType dtype) { return info(dtype).name; }

size_t nnc::dtypeSize(DType dtype) { return info(dtype).size; }
