//===- Layer.cpp - reference kernels of matmul and linear -----------------===//
//
// Plain triple loops accumulating in double. A 2-D matmul is treated as a
// batch of one so that both forms share one loop nest.
//
//===----------------------------------------------------------------------===//

#include "compiler/interpreter/KernelRegistry.h"
#include "compiler/interpreter/kernels/KernelUtils.h"
#include "dialects/nn/IR/NNOps.h"

using namespace mlir;
using namespace nnc;
using namespace nnc::interp;

namespace {

/// One matmul operand seen as [batch, rows, cols] after the optional
/// transposition of its last two dimensions.
struct MatrixView {
  const RefTensor &t;
  bool transposed;

  int64_t storedRows() const { return t.dim(-2); }
  int64_t storedCols() const { return t.dim(-1); }
  int64_t rows() const { return transposed ? storedCols() : storedRows(); }
  int64_t cols() const { return transposed ? storedRows() : storedCols(); }

  /// Element (r, c) of batch `b` of the logical (transposed) matrix.
  double operator()(int64_t b, int64_t r, int64_t c) const {
    if (transposed)
      std::swap(r, c);
    return t.floats[(b * storedRows() + r) * storedCols() + c];
  }
};

} // namespace

/// Checks the sizes that `?` may have hidden from the verifier.
static LogicalResult checkMatmulSizes(nn::MatmulOp op, const MatrixView &a,
                                      const MatrixView &b) {
  if (a.cols() != b.rows())
    return op.emitOpError()
           << "contraction sizes differ: 'lhs' " << shapeString(a.t.shape)
           << " gives " << a.cols() << ", 'rhs' " << shapeString(b.t.shape)
           << " gives " << b.rows();
  if (a.t.rank() == 3 && a.t.dim(0) != b.t.dim(0))
    return op.emitOpError()
           << "batch sizes differ: " << a.t.dim(0) << " and " << b.t.dim(0);
  return success();
}

// c[b, m, n] = Σ_k a[b, m, k] · b[b, k, n] on the transposed views.
static LogicalResult runMatmul(nn::MatmulOp op,
                               const std::vector<RefTensor> &in,
                               std::vector<RefTensor> &out) {
  MatrixView a{in[0], op.getTransposeA()}, b{in[1], op.getTransposeB()};
  if (failed(checkMatmulSizes(op, a, b)))
    return failure();
  bool batched = a.t.rank() == 3;
  int64_t batch = batched ? a.t.dim(0) : 1;
  int64_t m = a.rows(), n = b.cols(), k = a.cols();
  Shape shape = batched ? Shape{batch, m, n} : Shape{m, n};
  RefTensor c = makeResult(op.getResult(), shape);
  for (int64_t p = 0; p < batch; ++p)
    for (int64_t i = 0; i < m; ++i)
      for (int64_t j = 0; j < n; ++j) {
        double sum = 0.0;
        for (int64_t q = 0; q < k; ++q)
          sum += a(p, i, q) * b(p, q, j);
        c.floats[(p * m + i) * n + j] = sum;
      }
  out.push_back(std::move(c));
  return success();
}

// y[n, o] = Σ_i x[n, i] · weight[o, i]
static LogicalResult runLinear(nn::LinearOp op,
                               const std::vector<RefTensor> &in,
                               std::vector<RefTensor> &out) {
  const RefTensor &x = in[0], &w = in[1];
  int64_t rows = x.dim(0), features = x.dim(1), outputs = w.dim(0);
  if (w.dim(1) != features)
    return op.emitOpError()
           << "operand 'x' has " << features << " input features but 'weight' "
           << shapeString(w.shape) << " expects " << w.dim(1);
  RefTensor y = makeResult(op.getY(), {rows, outputs});
  for (int64_t r = 0; r < rows; ++r)
    for (int64_t o = 0; o < outputs; ++o) {
      double sum = 0.0;
      for (int64_t i = 0; i < features; ++i)
        sum += x.floats[r * features + i] * w.floats[o * features + i];
      y.floats[r * outputs + o] = sum;
    }
  out.push_back(std::move(y));
  return success();
}

void interp::registerLayerKernels(KernelRegistry &registry) {
  registry.add<nn::MatmulOp>(runMatmul);
  registry.add<nn::LinearOp>(runLinear);
}
