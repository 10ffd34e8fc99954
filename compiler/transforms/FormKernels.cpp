//===- FormKernels.cpp - group linalg ops into tiled kernels -------------===//
//
// A kernel is one loop nest over output tiles that computes everything the
// tile needs: a matmul with its bias and activation, a convolution with its
// epilogue. Fusing at the tile level keeps intermediates in cache and removes
// a full pass over memory per fused op; the tile loop is an scf.forall, so
// the same structure gives multithreading on the CPU.
//
//===----------------------------------------------------------------------===//

#include "compiler/transforms/Passes.h"

#include "mlir/Dialect/Linalg/IR/LinalgInterfaces.h"
#include "mlir/Dialect/SCF/Transforms/TileUsingInterface.h"
#include "mlir/IR/PatternMatch.h"

namespace nnc {
#define GEN_PASS_DEF_FORMKERNELSPASS
#include "compiler/transforms/Passes.h.inc"
} // namespace nnc

using namespace mlir;

namespace {

bool isElementwise(linalg::LinalgOp op) {
  return op.getNumLoops() == op.getNumParallelLoops() &&
         isa<linalg::GenericOp, linalg::MapOp>(op);
}

/// A reduction along rows: loop 0 is parallel and is the leading dimension
/// of every operand (a softmax's max and sum of exp, a loss per example).
/// A tile of rows of it needs only the same rows of its inputs.
bool isRowwise(linalg::LinalgOp op) {
  if (!isa<linalg::GenericOp>(op) || op.getNumLoops() == 0 ||
      op.getIteratorTypesArray().front() != utils::IteratorType::parallel)
    return false;
  AffineExpr d0 = getAffineDimExpr(0, op->getContext());
  return llvm::all_of(op.getIndexingMapsArray(), [&](AffineMap map) {
    return map.getNumResults() > 0 && map.getResult(0) == d0;
  });
}

/// Ops worth computing inside a consumer's tile: fills initialize the tile;
/// heavy ops, elementwise ops and row-wise reductions would otherwise write
/// and re-read a whole intermediate.
bool isFusable(linalg::LinalgOp op) {
  return isa<linalg::FillOp>(op) || linalg::isaContractionOpInterface(op) ||
         linalg::isaConvolutionOpInterface(op) || isElementwise(op) ||
         isRowwise(op) ||
         isa<linalg::PoolingNchwMaxOp, linalg::PoolingNchwSumOp>(op);
}

/// The ops of the kernel rooted at `root`: the root, and every fusable
/// producer all of whose users are in the kernel (size queries aside).
/// Walking the block backwards visits users before producers, so one pass
/// finds them all, also when a value feeds several ops of the kernel (the
/// logits of a softmax cross-entropy feed its max, its sum and its pick).
/// Fills are always fused: each tile initializes its own slice. Nothing else
/// is fused into a heavy op (contraction, convolution, pooling): it reads
/// its inputs many times over, and a layer's input is the previous layer's
/// kernel, so kernels stay one per layer.
bool isHeavy(Operation *op) {
  auto linalgOp = dyn_cast<linalg::LinalgOp>(op);
  return linalgOp && !isElementwise(linalgOp) && !isRowwise(linalgOp) &&
         !isa<linalg::FillOp>(op);
}

llvm::DenseSet<Operation *> kernelMembers(linalg::LinalgOp root) {
  llvm::DenseSet<Operation *> members = {root};
  for (Operation *op = root->getPrevNode(); op; op = op->getPrevNode()) {
    auto producer = dyn_cast<linalg::LinalgOp>(op);
    if (!producer || !producer.hasPureTensorSemantics() ||
        !isFusable(producer) || op->use_empty())
      continue;
    bool inKernel = llvm::all_of(op->getUsers(), [&](Operation *user) {
      return (members.contains(user) && !isHeavy(user)) ||
             isa<tensor::DimOp>(user);
    });
    bool initializesMember = isa<linalg::FillOp>(op) &&
                             llvm::any_of(op->getUsers(), [&](Operation *user) {
                               return members.contains(user);
                             });
    if (inKernel || initializesMember)
      members.insert(op);
  }
  return members;
}

/// Bytes of the largest fully static operand of the contraction `op` is or
/// directly consumes (a layer's weights), or 0.
int64_t contractionWeightBytes(linalg::LinalgOp op) {
  SmallVector<linalg::LinalgOp> contractions;
  if (linalg::isaContractionOpInterface(op))
    contractions.push_back(op);
  for (Value input : op.getDpsInputs())
    if (auto producer = input.getDefiningOp<linalg::LinalgOp>();
        producer && linalg::isaContractionOpInterface(producer))
      contractions.push_back(producer);
  int64_t largest = 0;
  for (linalg::LinalgOp contraction : contractions)
    for (Value input : contraction.getDpsInputs())
      if (auto type = dyn_cast<RankedTensorType>(input.getType());
          type && type.hasStaticShape())
        largest = std::max(largest, type.getNumElements() *
                                        type.getElementTypeBitWidth() / 8);
  return largest;
}

/// Rows per tile of a 2-D kernel. Every tile streams the whole weight matrix
/// of its contraction through the cache: once it outgrows L2 (1 MiB here),
/// 16-row tiles make the GEMM memory-bound, so tiles grow with the weights,
/// up to 64 rows (the GEMM's M block).
int64_t rowsForKernel(linalg::LinalgOp op, int64_t rowsPerTile) {
  constexpr int64_t kL2Bytes = 1 << 20;
  int64_t bytes = contractionWeightBytes(op);
  int64_t rows = rowsPerTile;
  while (bytes > kL2Bytes && rows < 64) {
    rows *= 2;
    bytes /= 2;
  }
  return std::max(rows, rowsPerTile);
}

/// The highest rank of what the kernel's ops write.
int64_t largestOutputRank(const llvm::DenseSet<Operation *> &members) {
  int64_t rank = 0;
  for (Operation *member : members)
    for (Type type : member->getResultTypes())
      if (auto shaped = dyn_cast<ShapedType>(type))
        rank = std::max(rank, shaped.getRank());
  return rank;
}

/// Tile sizes: the first parallel loop is split into tiles, the rest stay
/// whole. Kernels over images (an op of rank >= 3 output, the root or a
/// fused producer such as the convolution under a global pooling) go one
/// image per tile; 1-D and 2-D kernels take `rowsPerTile` rows (more for
/// large weights, see rowsForKernel), enough work per tile to hide the loop
/// overhead. Scalars (a reduced loss) stay whole.
std::optional<SmallVector<OpFoldResult>>
chooseTileSizes(linalg::LinalgOp op, const llvm::DenseSet<Operation *> &members,
                int64_t rowsPerTile, OpBuilder &builder) {
  if (op.getNumDpsInits() != 1 || op.getRank(op.getDpsInitOperand(0)) < 1)
    return std::nullopt;
  int64_t rank = largestOutputRank(members);
  SmallVector<utils::IteratorType> iterators = op.getIteratorTypesArray();
  SmallVector<OpFoldResult> sizes(iterators.size(), builder.getIndexAttr(0));
  for (auto [index, iterator] : llvm::enumerate(iterators)) {
    if (iterator != utils::IteratorType::parallel)
      continue;
    sizes[index] =
        builder.getIndexAttr(rank >= 3 ? 1 : rowsForKernel(op, rowsPerTile));
    return sizes;
  }
  return std::nullopt;
}

struct FormKernelsPass : nnc::impl::FormKernelsPassBase<FormKernelsPass> {
  using FormKernelsPassBase::FormKernelsPassBase;

  void runOnOperation() override {
    func::FuncOp func = getOperation();
    if (func.isExternal())
      return;
    SmallVector<linalg::LinalgOp> candidates;
    for (Operation &op : func.getBody().front())
      if (auto linalgOp = dyn_cast<linalg::LinalgOp>(op);
          linalgOp && linalgOp.hasPureTensorSemantics() &&
          !isa<linalg::FillOp>(op))
        candidates.push_back(linalgOp);
    llvm::DenseSet<Operation *> fused;
    IRRewriter rewriter(&getContext());
    // Last to first: a consumer claims its producers before they are seen.
    for (linalg::LinalgOp op : llvm::reverse(candidates)) {
      if (fused.contains(op))
        continue;
      if (failed(formKernel(rewriter, op, fused)))
        return signalPassFailure();
    }
  }

  LogicalResult formKernel(IRRewriter &rewriter, linalg::LinalgOp op,
                           llvm::DenseSet<Operation *> &fused) {
    rewriter.setInsertionPoint(op);
    llvm::DenseSet<Operation *> members = kernelMembers(op);
    std::optional<SmallVector<OpFoldResult>> sizes =
        chooseTileSizes(op, members, rowsPerTile, rewriter);
    if (!sizes)
      return success();
    scf::SCFTileAndFuseOptions options;
    options.tilingOptions.setTileSizes(*sizes).setLoopType(
        scf::SCFTilingOptions::LoopType::ForallOp);
    options.setFusionControlFn(
        [&](tensor::ExtractSliceOp, OpResult producer, bool) {
          return std::make_tuple(members.contains(producer.getOwner()), false);
        });
    FailureOr<scf::SCFTileAndFuseResult> result =
        scf::tileConsumerAndFuseProducersUsingSCF(
            rewriter, cast<TilingInterface>(op.getOperation()), options);
    if (failed(result))
      return op.emitError("cannot tile this op into a kernel");
    for (Operation *producer : result->fusedProducers)
      fused.insert(producer);
    for (OpResult value : op->getResults())
      if (Value replacement = result->replacements.lookup(value))
        rewriter.replaceAllUsesWith(value, replacement);
    rewriter.eraseOp(op);
    // Fused producers are dead now unless they still have other users.
    for (Operation *producer : result->fusedProducers)
      if (producer->use_empty())
        rewriter.eraseOp(producer);
    return success();
  }
};

} // namespace
