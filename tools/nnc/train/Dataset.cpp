//===- Dataset.cpp - Classification data for nnc train --------------------===//

#include "tools/nnc/train/Dataset.h"
#include "tools/nnc/train/Idx.h"

#include <nnc/Npy.h>

#include "llvm/Support/FileSystem.h"

using namespace nnc;
using namespace nnc::train;

namespace {
/// The file names of one layout, in the order train images, train labels,
/// test images, test labels.
struct Layout {
  const char *description;
  const char *files[4];
  const char *suffix; // an optional extra suffix, or ""
};

const Layout kIdx = {"MNIST IDX files",
                     {"train-images-idx3-ubyte", "train-labels-idx1-ubyte",
                      "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte"},
                     ".gz"};
const Layout kNpy = {"NumPy files",
                     {"train-images.npy", "train-labels.npy", "t10k-images.npy",
                      "t10k-labels.npy"},
                     ""};

/// The path of `name` (or `name` + suffix) in `dir`, or "" if neither is.
std::string findFile(const std::string &dir, const Layout &layout, int index) {
  std::string plain = dir + "/" + layout.files[index];
  if (llvm::sys::fs::exists(plain))
    return plain;
  std::string suffixed = plain + layout.suffix;
  if (*layout.suffix && llvm::sys::fs::exists(suffixed))
    return suffixed;
  return "";
}

std::string describeNames(const Layout &layout) {
  std::string names;
  for (const char *file : layout.files)
    names += (names.empty() ? "" : ", ") + std::string(file) +
             (*layout.suffix ? "[" + std::string(layout.suffix) + "]" : "");
  return names;
}

/// An IDX file of `rank` dimensions as T, each byte divided by `divisor`:
/// images [N, H, W] as f32 in [0, 1] (255), labels [N] as i64 (1).
template <typename T>
Status readIdxAs(const std::string &path, size_t rank, T divisor, Tensor &out) {
  IdxArray array;
  if (Status status = readIdx(path, rank, array); !status.ok())
    return status;
  if (Status status = Tensor::create(DTypeOf<T>::value, array.shape, out);
      !status.ok())
    return Status::error(path + ": " + status.message());
  T *data = out.data<T>();
  for (size_t i = 0; i < array.values.size(); ++i)
    data[i] = T(array.values[i]) / divisor;
  return Status::success();
}

/// Converts an owned tensor of `from` elements to a new one of `To`.
template <typename To, typename From>
Status convert(const Tensor &in, DType dtype, Tensor &out) {
  if (Status status = Tensor::create(dtype, in.shape(), out); !status.ok())
    return status;
  for (int64_t i = 0; i < in.numElements(); ++i)
    out.data<To>()[i] = To(in.data<From>()[i]);
  return Status::success();
}

Status readNpyTensor(const std::string &path, Tensor &out) {
  NpyArray array;
  if (Status status = readNpy(path, array); !status.ok())
    return status;
  if (Status status = Tensor::fromNpy(array, out); !status.ok())
    return Status::error(path + ": " + status.message());
  return Status::success();
}

/// Reads images (rank >= 2) or labels (rank 1) from a .npy file holding
/// `Kept` elements, or `Converted` ones that become `Kept`.
template <typename Kept, typename Converted>
Status readNpyAs(const std::string &path, bool images, Tensor &out) {
  Tensor raw;
  if (Status status = readNpyTensor(path, raw); !status.ok())
    return status;
  DType kept = DTypeOf<Kept>::value, converted = DTypeOf<Converted>::value;
  bool rankOk = images ? raw.rank() >= 2 : raw.rank() == 1;
  if (!rankOk || (raw.dtype() != kept && raw.dtype() != converted))
    return Status::error(
        path + ": " + (images ? "images" : "labels") + " must be " +
        dtypeName(kept) + " or " + dtypeName(converted) +
        (images ? " [N, ...]" : " [N]") + ", got " + dtypeName(raw.dtype()) +
        " " + describeShape(raw.shape()));
  if (raw.dtype() == kept) {
    out = raw;
    return Status::success();
  }
  return convert<Kept, Converted>(raw, kept, out);
}

Status loadSplit(const std::string paths[2], bool idx, Dataset &out) {
  Status status = idx ? readIdxAs<float>(paths[0], 3, 255.0f, out.examples)
                      : readNpyAs<float, double>(paths[0], true, out.examples);
  if (!status.ok())
    return status;
  return idx ? readIdxAs<int64_t>(paths[1], 1, 1, out.labels)
             : readNpyAs<int64_t, int32_t>(paths[1], false, out.labels);
}

Status loadLayout(const std::string &dir, const Layout &layout,
                  DataSplits &out) {
  std::string paths[4];
  for (int i = 0; i < 4; ++i) {
    paths[i] = findFile(dir, layout, i);
    if (paths[i].empty())
      return Status::error(dir + ": found " + layout.files[0] + " but not " +
                           layout.files[i] + (*layout.suffix ? "[.gz]" : ""));
  }
  bool idx = &layout == &kIdx;
  DataSplits splits;
  if (Status status = loadSplit(paths, idx, splits.train); !status.ok())
    return status;
  if (Status status = loadSplit(paths + 2, idx, splits.test); !status.ok())
    return status;
  for (auto [data, what] :
       {std::pair{&splits.train, "training"}, std::pair{&splits.test, "test"}})
    if (Status status = checkSameCount(*data, dir + ": the " + what + " set");
        !status.ok())
      return status;
  splits.source = std::string(layout.description) + " in " + dir;
  out = std::move(splits);
  return Status::success();
}
} // namespace

Status train::checkSameCount(const Dataset &data, const std::string &what) {
  int64_t examples = data.examples.shape()[0], labels = data.labels.shape()[0];
  if (examples == labels)
    return Status::success();
  return Status::error(what + " has " + std::to_string(examples) +
                       " examples but " + std::to_string(labels) + " labels");
}

Status train::loadDataDirectory(const std::string &dir, DataSplits &out) {
  if (!llvm::sys::fs::is_directory(dir))
    return Status::error(dir + ": no such directory");
  for (const Layout *layout : {&kIdx, &kNpy})
    if (!findFile(dir, *layout, 0).empty())
      return loadLayout(dir, *layout, out);
  return Status::error(dir + ": no training data: expected " +
                       describeNames(kIdx) + ", or " + describeNames(kNpy));
}
