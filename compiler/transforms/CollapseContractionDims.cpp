//===- CollapseContractionDims.cpp - one loop per GEMM role ---------------===//
//
// Elementwise fusion propagates reshapes through contractions: a matmul
// dy[N, 120] · W[120, 400] whose result is viewed as [N, 16, 5, 5] becomes
// a generic with n = (16, 5, 5) reading W as [120, 16, 5, 5]. The CPU
// backend's GEMM needs exactly one m, n and k loop, so such a contraction
// would run as scalar loops. Merging each run of same-role loops back into
// one restores the GEMM; the operands' reshapes are views.
//
//===----------------------------------------------------------------------===//

#include "compiler/transforms/Passes.h"

#include "mlir/Dialect/Linalg/IR/LinalgInterfaces.h"
#include "mlir/Dialect/Linalg/Transforms/Transforms.h"
#include "mlir/Transforms/GreedyPatternRewriteDriver.h"

namespace nnc {
#define GEN_PASS_DEF_COLLAPSECONTRACTIONDIMSPASS
#include "compiler/transforms/Passes.h.inc"
} // namespace nnc

using namespace mlir;

namespace {

/// The maximal runs of consecutive loops in `dims` (one role of `op`) that
/// every operand indexes contiguously, in order; runs of one loop are left
/// out (nothing to merge).
void appendMergeableRuns(linalg::LinalgOp op, ArrayRef<unsigned> dims,
                         SmallVector<ReassociationIndices> &runs) {
  SmallVector<unsigned> sorted(dims);
  llvm::sort(sorted);
  SmallVector<AffineMap> maps = op.getIndexingMapsArray();
  ReassociationIndices run;
  auto flush = [&] {
    if (run.size() > 1)
      runs.push_back(run);
    run.clear();
  };
  for (unsigned dim : sorted) {
    if (!run.empty() && dim == static_cast<unsigned>(run.back()) + 1) {
      ReassociationIndices extended = run;
      extended.push_back(dim);
      if (linalg::areDimSequencesPreserved(maps, extended)) {
        run = extended;
        continue;
      }
    }
    flush();
    run.push_back(dim);
  }
  flush();
}

/// The loops of `op` to merge: only contractions, where one loop per role
/// is what the GEMM codegen wants.
SmallVector<ReassociationIndices> contractionRuns(linalg::LinalgOp op) {
  SmallVector<ReassociationIndices> runs;
  if (!isa<linalg::GenericOp>(op) || !linalg::isaContractionOpInterface(op))
    return runs;
  FailureOr<linalg::ContractionDimensions> dims =
      linalg::inferContractionDims(op);
  if (failed(dims))
    return runs;
  for (ArrayRef<unsigned> role :
       {ArrayRef<unsigned>(dims->batch), ArrayRef<unsigned>(dims->m),
        ArrayRef<unsigned>(dims->n), ArrayRef<unsigned>(dims->k)})
    appendMergeableRuns(op, role, runs);
  llvm::sort(runs, [](const ReassociationIndices &a,
                      const ReassociationIndices &b) { return a[0] < b[0]; });
  return runs;
}

struct CollapseContractionDimsPass
    : nnc::impl::CollapseContractionDimsPassBase<CollapseContractionDimsPass> {
  void runOnOperation() override {
    RewritePatternSet patterns(&getContext());
    linalg::populateCollapseDimensions(patterns, contractionRuns);
    if (failed(
            applyPatternsAndFoldGreedily(getOperation(), std::move(patterns))))
      signalPassFailure();
  }
};

} // namespace
