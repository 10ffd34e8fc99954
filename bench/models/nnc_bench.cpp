//===- nnc_bench.cpp - time one entry of a compiled model -----------------===//
//
// Loads an AOT-compiled model with the runtime alone, initializes its
// parameters from a seed, fills its inputs at a given batch size, warms up,
// then times calls one by one and prints one JSON line, the same line
// bench/models/torch_bench.py prints for PyTorch:
//
//   nnc_bench model.so [--entry forward] [--batch 64] [--seed 42]
//             [--warmup 20] [--iters 200] [--min-time 1.0] [--label name]
//             [--dump DIR]
//
// Timing runs until both --iters calls and --min-time seconds are done, so
// fast entries get many samples and slow ones at least --iters. The median is
// the figure to compare; min and max show the noise of a shared machine.
// --dump writes the arguments and results of the last call as DIR/argI.npy
// and DIR/resultI.npy, so torch_bench.py --check can confirm that both
// benchmarks compute the same function.
//
//===----------------------------------------------------------------------===//

#include <nnc/Executable.h>
#include <nnc/Init.h>
#include <nnc/Npy.h>
#include <nnc/Tensor.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

namespace {

struct Options {
  std::string path, entry = "forward", label, dump;
  int64_t batch = 64;
  uint64_t seed = 42;
  int warmup = 20, iters = 200;
  double minTime = 1.0;
};

int usage() {
  std::fprintf(stderr, "usage: nnc_bench model.so [--entry E] [--batch N] "
                       "[--seed S] [--warmup W] [--iters I] [--min-time SEC] "
                       "[--label NAME] [--dump DIR]\n");
  return 2;
}

bool parse(int argc, char **argv, Options &o) {
  for (int i = 1; i < argc; ++i) {
    std::string flag = argv[i];
    if (flag.rfind("--", 0) != 0) {
      o.path = flag;
      continue;
    }
    if (i + 1 >= argc)
      return false;
    const char *v = argv[++i];
    if (flag == "--entry")
      o.entry = v;
    else if (flag == "--batch")
      o.batch = std::atoll(v);
    else if (flag == "--seed")
      o.seed = std::strtoull(v, nullptr, 10);
    else if (flag == "--warmup")
      o.warmup = std::atoi(v);
    else if (flag == "--iters")
      o.iters = std::atoi(v);
    else if (flag == "--min-time")
      o.minTime = std::atof(v);
    else if (flag == "--label")
      o.label = v;
    else if (flag == "--dump")
      o.dump = v;
    else
      return false;
  }
  return !o.path.empty() && o.batch > 0 && o.iters > 0;
}

int fail(const nnc::Status &status) {
  std::fprintf(stderr, "nnc_bench: %s\n", status.message().c_str());
  return 1;
}

/// Creates every input argument at batch `batch`: floats uniform in [0, 1)
/// like normalized pixels, integers (labels) zero. The values do not change
/// the work done, but seeded data keeps runs reproducible. Optimizer state
/// (a train step's) starts at zero, as before a first step.
nnc::Status makeInputs(const nnc_entry_desc_t &entry, int64_t batch,
                       uint64_t seed, std::vector<nnc::Tensor> &args) {
  for (uint32_t i = 0; i < entry.num_args; ++i) {
    const nnc_tensor_desc_t &desc = entry.args[i];
    if (desc.role != NNC_ROLE_INPUT && desc.role != NNC_ROLE_OPT_STATE)
      continue;
    std::vector<int64_t> shape(desc.shape, desc.shape + desc.rank);
    std::replace(shape.begin(), shape.end(), int64_t(-1), batch);
    // nnc_dtype_t and nnc::DType list the dtypes in the same order.
    auto dtype = static_cast<nnc::DType>(desc.dtype);
    if (nnc::Status s = nnc::Tensor::create(dtype, shape, args[i]); !s.ok())
      return s;
    bool isFloat = dtype == nnc::DType::F32 || dtype == nnc::DType::F64;
    if (isFloat && desc.role == NNC_ROLE_INPUT) {
      uint64_t argSeed = nnc::deriveSeed(seed, i);
      if (nnc::Status s = nnc::fillInitializer("uniform", argSeed, args[i]);
          !s.ok())
        return s;
    }
  }
  return nnc::Status::success();
}

/// Writes tensors[i] to DIR/<prefix>I.npy.
nnc::Status dumpAll(const std::string &dir, const char *prefix,
                    const std::vector<nnc::Tensor> &tensors) {
  for (size_t i = 0; i < tensors.size(); ++i) {
    std::string path = dir + "/" + prefix + std::to_string(i) + ".npy";
    if (nnc::Status s = nnc::writeNpy(path, tensors[i].toNpy()); !s.ok())
      return s;
  }
  return nnc::Status::success();
}

/// Times calls until `o.iters` calls and `o.minTime` seconds are both done.
/// `results` is passed back every call, so the loop allocates nothing.
nnc::Status timeCalls(nnc::Executable &model, const Options &o,
                      const std::vector<nnc::Tensor> &args,
                      std::vector<double> &times,
                      std::vector<nnc::Tensor> &results) {
  using Clock = std::chrono::steady_clock;
  for (int i = 0; i < o.warmup; ++i)
    if (nnc::Status s = model.call(o.entry, args, results); !s.ok())
      return s;
  Clock::time_point begin = Clock::now();
  while (int(times.size()) < o.iters ||
         std::chrono::duration<double>(Clock::now() - begin).count() <
             o.minTime) {
    Clock::time_point start = Clock::now();
    if (nnc::Status s = model.call(o.entry, args, results); !s.ok())
      return s;
    std::chrono::duration<double, std::milli> ms = Clock::now() - start;
    times.push_back(ms.count());
  }
  return nnc::Status::success();
}

void printJson(const Options &o, std::vector<double> times) {
  std::sort(times.begin(), times.end());
  size_t n = times.size();
  // The median of an even count is the mean of the two middle samples, as in
  // Python's statistics.median, so both benchmarks report the same statistic.
  double median = n % 2 ? times[n / 2] : (times[n / 2 - 1] + times[n / 2]) / 2;
  const char *threads = std::getenv("OMP_NUM_THREADS");
  std::printf("{\"impl\": \"nnc\", \"model\": \"%s\", \"entry\": \"%s\", "
              "\"batch\": %lld, \"threads\": \"%s\", \"iters\": %zu, "
              "\"median_ms\": %.4f, \"min_ms\": %.4f, \"max_ms\": %.4f}\n",
              o.label.empty() ? o.path.c_str() : o.label.c_str(),
              o.entry.c_str(), (long long)o.batch,
              threads ? threads : "default", n, median, times.front(),
              times.back());
}

} // namespace

int main(int argc, char **argv) {
  Options o;
  if (!parse(argc, argv, o))
    return usage();
  nnc::Executable model;
  if (nnc::Status s = nnc::Executable::load(o.path, model); !s.ok())
    return fail(s);
  const nnc_entry_desc_t *entry = nullptr;
  if (nnc::Status s = model.findEntry(o.entry, entry); !s.ok())
    return fail(s);
  std::vector<nnc::Tensor> args;
  if (nnc::Status s = nnc::initializeParameters(*entry, o.seed, args); !s.ok())
    return fail(s);
  if (nnc::Status s = makeInputs(*entry, o.batch, o.seed, args); !s.ok())
    return fail(s);
  std::vector<double> times;
  std::vector<nnc::Tensor> results;
  if (nnc::Status s = timeCalls(model, o, args, times, results); !s.ok())
    return fail(s);
  if (!o.dump.empty()) {
    if (nnc::Status s = dumpAll(o.dump, "arg", args); !s.ok())
      return fail(s);
    if (nnc::Status s = dumpAll(o.dump, "result", results); !s.ok())
      return fail(s);
  }
  printJson(o, times);
  return 0;
}
