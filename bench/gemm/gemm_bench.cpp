//===- gemm_bench.cpp - nnc matmuls against OpenBLAS and oneDNN -----------===//
//
// Compiles one small nn model per shape with the nnc tool (`nnc m.mlir -o
// m.so`), loads it through nnc::Executable and times it against
// cblas_sgemm (OpenBLAS) and dnnl_sgemm (oneDNN) on the same data, in
// rounds that alternate the libraries (A B C A B C ...) so that a busy
// neighbour hurts them alike. Prints a markdown table of GFLOP/s: median
// (min–max) over every timed call after warm-up.
//
//   gemm_bench [--threads=N] [--rounds=R] [--min-time=SECONDS]
//              [--only=SHAPE] [--squares=64,128,...] [--libs=nnc,openblas]
//              [--nnc=PATH] [--workdir=DIR]
//
// Rows: squares as nn.matmul (kernel formation splits them into row tiles,
// one per thread task); "one tile": the same as a [1, M, K] batch matmul,
// which kernel formation leaves whole (the codegen alone, one thread); the
// MLP's layers as nn.linear on a dynamic batch of 128 (x · Wᵀ).
//
// Threads: OpenBLAS through openblas_set_num_threads; oneDNN (libgomp) and
// nnc's models (libomp) read OMP_NUM_THREADS, which must equal --threads
// (bench/run_gemm.sh sets it, and runs one library per process at 2).
//
//===----------------------------------------------------------------------===//

#include <nnc/Executable.h>
#include <nnc/Tensor.h>

#include <cblas.h>
#include <oneapi/dnnl/dnnl.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <functional>
#include <random>
#include <string>
#include <thread>
#include <vector>

namespace {

/// C[M, N] = A[M, K] · B, B being [K, N], or [N, K] when `transB` (a linear
/// layer's weights: the MLP shapes). `dynamicM` compiles M as `?`, as the
/// batch dimension of a model is. `batch1` compiles a batch matmul of one
/// [1, M, K] · [1, K, N] instead: kernel formation splits its batch, so the
/// whole GEMM is one kernel tile (the codegen alone, without the row tiles
/// that plain matmuls are split into for threads).
struct Shape {
  std::string name;
  int64_t m, n, k;
  bool transB, dynamicM, batch1;
};

struct Options {
  int threads = 1;
  int rounds = 5;
  double minTime = 0.1; // seconds of calls per library per round
  std::string only;
  std::string libs = "nnc,openblas,onednn";
  std::vector<int64_t> squares = {64, 128, 256, 512, 1024, 2048};
  std::string nnc = NNC_TOOL;
  std::string workdir = "/tmp/nnc-gemm-bench";
};

struct Stats {
  double median, min, max; // seconds per call
};

std::vector<Shape> shapes(const Options &o) {
  std::vector<Shape> all;
  for (int64_t s : o.squares)
    all.push_back({std::to_string(s) + "³", s, s, s, false, false, false});
  for (int64_t s : o.squares)
    if (s >= 256)
      all.push_back(
          {std::to_string(s) + "³ one tile", s, s, s, false, false, true});
  // The MLP's layers at batch 128: linear = x · wᵀ with w [out, in].
  all.push_back({"128×512×784 (xWᵀ)", 128, 512, 784, true, true, false});
  all.push_back({"128×256×512 (xWᵀ)", 128, 256, 512, true, true, false});
  all.push_back({"128×10×256 (xWᵀ)", 128, 10, 256, true, true, false});
  all.push_back(
      {"128×512×784 (xWᵀ) one tile", 128, 512, 784, true, false, true});
  all.push_back(
      {"128×256×512 (xWᵀ) one tile", 128, 256, 512, true, false, true});
  return all;
}

std::string dims(int64_t a, int64_t b) {
  return std::to_string(a) + "x" + std::to_string(b);
}

std::string modelSource(const Shape &s) {
  std::string m =
      (s.batch1 ? "1x" : "") + (s.dynamicM ? "?" : std::to_string(s.m));
  std::string a = "tensor<" + m + "x" + std::to_string(s.k) + "xf32>";
  std::string b = "tensor<" + std::string(s.batch1 ? "1x" : "") +
                  (s.transB ? dims(s.n, s.k) : dims(s.k, s.n)) + "xf32>";
  std::string c = "tensor<" + m + "x" + std::to_string(s.n) + "xf32>";
  // nn.linear is 2-D only; its 3-D form is a transposed batch matmul.
  std::string op = !s.transB  ? "nn.matmul"
                   : s.batch1 ? "nn.matmul"
                              : "nn.linear";
  std::string attrs = s.transB && s.batch1 ? " {transpose_b = true}" : "";
  return "func.func @mm(%a: " + a + ", %b: " + b + ") -> " + c + " {\n" +
         "  %c = " + op + " %a, %b" + attrs + " : " + a + ", " + b + "\n" +
         "  return %c : " + c + "\n}\n";
}

/// Compiles the model of `s` to a shared library; returns its path or "".
std::string compileModel(const Shape &s, const Options &o, double &seconds) {
  std::string base = o.workdir + "/mm_" + std::to_string(s.m) + "_" +
                     std::to_string(s.n) + "_" + std::to_string(s.k) +
                     (s.transB ? "_t" : "") + (s.batch1 ? "_b1" : "");
  std::ofstream(base + ".mlir") << modelSource(s);
  std::string command = o.nnc + " " + base + ".mlir -o " + base + ".so";
  auto start = std::chrono::steady_clock::now();
  int status = std::system(command.c_str());
  seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start)
          .count();
  return status == 0 ? base + ".so" : "";
}

Stats timeCalls(const std::function<void()> &call, int64_t iterations,
                std::vector<double> &samples) {
  for (int64_t i = 0; i < iterations; ++i) {
    auto start = std::chrono::steady_clock::now();
    call();
    samples.push_back(
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start)
            .count());
  }
  std::vector<double> sorted = samples;
  std::sort(sorted.begin(), sorted.end());
  return {sorted[sorted.size() / 2], sorted.front(), sorted.back()};
}

/// Runs every library `rounds` times in turn; returns one Stats each.
std::vector<Stats> measure(const std::vector<std::function<void()>> &libs,
                           const Options &o) {
  std::vector<std::vector<double>> samples(libs.size());
  std::vector<int64_t> iterations;
  for (const auto &lib : libs) {
    for (int warm = 0; warm < 3; ++warm)
      lib();
    auto start = std::chrono::steady_clock::now();
    lib();
    double once =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start)
            .count();
    iterations.push_back(
        std::clamp<int64_t>(int64_t(o.minTime / once), 3, 2000));
  }
  std::vector<Stats> stats(libs.size());
  for (int r = 0; r < o.rounds; ++r) {
    for (size_t i = 0; i < libs.size(); ++i) {
      stats[i] = timeCalls(libs[i], iterations[i], samples[i]);
      // Let OpenMP workers of the previous library stop spinning.
      if (o.threads > 1 && o.libs.find(',') != std::string::npos)
        std::this_thread::sleep_for(std::chrono::milliseconds(300));
    }
  }
  return stats;
}

double maxRelativeError(const float *x, const float *ref, int64_t n) {
  double err = 0, scale = 0;
  for (int64_t i = 0; i < n; ++i) {
    err = std::max(err, double(std::fabs(x[i] - ref[i])));
    scale = std::max(scale, double(std::fabs(ref[i])));
  }
  return err / std::max(scale, 1e-30);
}

std::string cell(const Stats &s, double flops) {
  char text[64];
  std::snprintf(text, sizeof(text), "%.1f (%.1f–%.1f)", flops / s.median / 1e9,
                flops / s.max / 1e9, flops / s.min / 1e9);
  return text;
}

/// Benchmarks one shape and prints its table row.
bool runShape(const Shape &s, const Options &o) {
  double compileSeconds = 0;
  std::string so = compileModel(s, o, compileSeconds);
  nnc::Executable exe;
  if (so.empty() || !nnc::Executable::load(so, exe).ok()) {
    std::fprintf(stderr, "%s: nnc failed to compile or load\n", s.name.c_str());
    return false;
  }
  std::mt19937 rng(42);
  std::uniform_real_distribution<float> dist(-1, 1);
  std::vector<float> a(s.m * s.k), b(s.k * s.n), c(s.m * s.n), ref(s.m * s.n);
  for (float &x : a)
    x = dist(rng);
  for (float &x : b)
    x = dist(rng);
  auto shape = [&](int64_t rows, int64_t cols) {
    return s.batch1 ? std::vector<int64_t>{1, rows, cols}
                    : std::vector<int64_t>{rows, cols};
  };
  std::vector<nnc::Tensor> args = {
      nnc::Tensor::borrow(nnc::DType::F32, shape(s.m, s.k), a.data()),
      nnc::Tensor::borrow(nnc::DType::F32,
                          s.transB ? shape(s.n, s.k) : shape(s.k, s.n),
                          b.data())};
  std::vector<nnc::Tensor> results = {
      nnc::Tensor::borrow(nnc::DType::F32, shape(s.m, s.n), c.data())};
  int64_t ldb = s.transB ? s.k : s.n;
  auto openblas = [&] {
    cblas_sgemm(CblasRowMajor, CblasNoTrans,
                s.transB ? CblasTrans : CblasNoTrans, s.m, s.n, s.k, 1.0f,
                a.data(), s.k, b.data(), ldb, 0.0f, ref.data(), s.n);
  };
  auto onednn = [&] {
    dnnl_sgemm('N', s.transB ? 'T' : 'N', s.m, s.n, s.k, 1.0f, a.data(), s.k,
               b.data(), ldb, 0.0f, ref.data(), s.n);
  };
  auto nncCall = [&] {
    if (!exe.call("mm", args, results).ok())
      std::abort();
  };
  nncCall();
  onednn();
  double error = maxRelativeError(c.data(), ref.data(), s.m * s.n);
  // Libraries left out (--libs) are timed as doing nothing and shown as –.
  auto chosen = [&](const char *name, std::function<void()> call) {
    return o.libs.find(name) == std::string::npos ? std::function<void()>([] {})
                                                  : call;
  };
  std::vector<Stats> stats =
      measure({chosen("nnc", nncCall), chosen("openblas", openblas),
               chosen("onednn", onednn)},
              o);
  double flops = 2.0 * s.m * s.n * s.k;
  auto show = [&](const char *name, const Stats &st) {
    return o.libs.find(name) == std::string::npos ? std::string("–")
                                                  : cell(st, flops);
  };
  double best = std::min(stats[1].median, stats[2].median);
  std::printf("| %s | %s | %s | %s | %.2f | %.2g | %.2f |\n", s.name.c_str(),
              show("nnc", stats[0]).c_str(), show("openblas", stats[1]).c_str(),
              show("onednn", stats[2]).c_str(), best / stats[0].median, error,
              compileSeconds);
  std::fflush(stdout);
  return error < 1e-4;
}

Options parseOptions(int argc, char **argv) {
  Options o;
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    auto value = [&](const char *flag) -> const char * {
      size_t n = std::char_traits<char>::length(flag);
      return arg.compare(0, n, flag) == 0 ? argv[i] + n : nullptr;
    };
    if (const char *v = value("--threads="))
      o.threads = std::atoi(v);
    else if (const char *v = value("--rounds="))
      o.rounds = std::atoi(v);
    else if (const char *v = value("--min-time="))
      o.minTime = std::atof(v);
    else if (const char *v = value("--libs="))
      o.libs = v;
    else if (const char *v = value("--only="))
      o.only = v;
    else if (const char *v = value("--squares=")) {
      o.squares.clear();
      for (const char *p = v; *p; p += *p == ',')
        o.squares.push_back(std::strtoll(p, const_cast<char **>(&p), 10));
    } else if (const char *v = value("--nnc="))
      o.nnc = v;
    else if (const char *v = value("--workdir="))
      o.workdir = v;
    else
      std::fprintf(stderr, "ignoring unknown argument %s\n", argv[i]);
  }
  return o;
}

} // namespace

int main(int argc, char **argv) {
  Options o = parseOptions(argc, argv);
  const char *omp = std::getenv("OMP_NUM_THREADS");
  if (!omp || std::atoi(omp) != o.threads)
    std::fprintf(stderr,
                 "warning: OMP_NUM_THREADS (%s) is not --threads=%d: "
                 "oneDNN and nnc may use another thread count\n",
                 omp ? omp : "unset", o.threads);
  openblas_set_num_threads(o.threads);
  std::system(("mkdir -p " + o.workdir).c_str());
  std::printf("\nf32 GEMM, %d thread(s), GFLOP/s median (min–max) over %d "
              "rounds\n\n",
              o.threads, o.rounds);
  std::printf("| M×N×K | nnc | OpenBLAS | oneDNN | nnc / best peer | "
              "nnc rel. error | nnc compile s |\n");
  std::printf("|---|---|---|---|---|---|---|\n");
  bool ok = true;
  for (const Shape &s : shapes(o))
    if (o.only.empty() || s.name.find(o.only) == 0)
      ok &= runShape(s, o);
  return ok ? 0 : 1;
}
