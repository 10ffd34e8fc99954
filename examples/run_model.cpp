//===- run_model.cpp - run a compiled model with the runtime alone --------===//
//
// Loads an AOT-compiled model (nnc model.mlir -o model.so) with the nnc
// runtime only (no LLVM/MLIR), initializes its parameters from a seed as
// their nn.init attributes say, feeds a batch of synthetic images and
// reports the predictions, the time per batch and the arena the plan needs.
//
//   run_model model.so [batch] [iterations]
//
//===----------------------------------------------------------------------===//

#include <nnc/Executable.h>
#include <nnc/Init.h>
#include <nnc/Tensor.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

/// Deterministic stand-in data: each image is a blurred diagonal stroke at an
/// angle that depends on its index (no dataset needed).
static void fillImages(nnc::Tensor &images) {
  const std::vector<int64_t> &shape = images.shape();
  int64_t perImage = images.numElements() / shape[0];
  int64_t side = static_cast<int64_t>(std::sqrt(double(perImage)));
  float *data = images.data<float>();
  for (int64_t n = 0; n < shape[0]; ++n)
    for (int64_t i = 0; i < perImage; ++i) {
      double y = double(i / side) / side - 0.5, x = double(i % side) / side - 0.5;
      double angle = 0.3 * double(n), d = x * std::sin(angle) - y * std::cos(angle);
      data[n * perImage + i] = float(std::exp(-d * d * 200.0));
    }
}

static int fail(const nnc::Status &status) {
  std::fprintf(stderr, "run_model: %s\n", status.message().c_str());
  return 1;
}

int main(int argc, char **argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: run_model model.so [batch] [iterations]\n");
    return 2;
  }
  int64_t batch = argc > 2 ? std::atoll(argv[2]) : 64;
  int iterations = argc > 3 ? std::atoi(argv[3]) : 50;
  nnc::Executable model;
  if (nnc::Status s = nnc::Executable::load(argv[1], model); !s.ok())
    return fail(s);
  const nnc_entry_desc_t *entry = nullptr;
  if (nnc::Status s = model.findEntry("forward", entry); !s.ok())
    return fail(s);
  std::vector<nnc::Tensor> args;
  if (nnc::Status s = nnc::initializeParameters(*entry, /*seed=*/42, args); !s.ok())
    return fail(s);
  std::vector<int64_t> shape(entry->args[0].shape,
                             entry->args[0].shape + entry->args[0].rank);
  shape[0] = batch;
  if (nnc::Status s = nnc::Tensor::create(nnc::DType::F32, shape, args[0]); !s.ok())
    return fail(s);
  fillImages(args[0]);
  std::vector<nnc::Tensor> results;
  std::vector<double> times;
  for (int i = 0; i < iterations + 3; ++i) {
    auto start = std::chrono::steady_clock::now();
    if (nnc::Status s = model.call("forward", args, results); !s.ok())
      return fail(s);
    std::chrono::duration<double, std::milli> ms =
        std::chrono::steady_clock::now() - start;
    if (i >= 3) // the first calls size the arena and warm the caches
      times.push_back(ms.count());
  }
  std::sort(times.begin(), times.end());
  const float *logits = results[0].data<float>();
  int64_t classes = results[0].shape()[1];
  std::printf("model %s, entry 'forward', batch %lld\n", argv[1], (long long)batch);
  std::printf("predicted classes of the first images (untrained, seed 42):");
  for (int64_t n = 0; n < std::min<int64_t>(batch, 16); ++n)
    std::printf(" %ld", long(std::max_element(logits + n * classes,
                                              logits + (n + 1) * classes) -
                             (logits + n * classes)));
  std::printf("\ntime per batch: median %.3f ms (min %.3f, max %.3f) over %d "
              "calls\n",
              times[times.size() / 2], times.front(), times.back(), iterations);
  std::printf("arena: %llu bytes + %llu bytes per batch element = %zu bytes "
              "allocated once\n",
              (unsigned long long)entry->arena_bytes,
              (unsigned long long)entry->arena_bytes_per_batch,
              model.arenaCapacity("forward"));
  return 0;
}
