//===- ConvCodegen.h - direct convolutions on memrefs -----------*- C++ -*-===//
//
// linalg.conv_2d_nchw_fchw (and the grouped conv_2d_ngchw_gfchw, one group
// at a time) become a direct convolution with the GEMM micro-kernel:
//
//   rows    = output channels f           (A = filter, one broadcast per k)
//   vectors = output columns ow (x 2 rows of oh when OW fits one vector)
//   k       = (c, kh, kw)                 (B = input rows, read in place)
//
// Why not im2col + GEMM: with stride 1 a row of the (padded) input already
// is the B row im2col would build, so the vectors are loaded straight from
// the image and nothing is copied; im2col would write and re-read
// C·KH·KW·OH·OW floats per image — for LeNet's 6- and 16-filter layers as
// many bytes as the FMAs they feed, more than the convolution itself costs.
// Strided convolutions read 2·lanes (stride 2) contiguous floats and pick
// every other one with a shuffle.
//
//===----------------------------------------------------------------------===//

#ifndef NNC_COMPILER_BACKENDS_CPU_CONVCODEGEN_H
#define NNC_COMPILER_BACKENDS_CPU_CONVCODEGEN_H

#include "compiler/backends/cpu/KernelCodegen.h"

#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/IR/PatternMatch.h"

namespace nnc {

/// Replaces `op` by generated code; fails without changing anything when
/// the op is not a supported f32 NCHW convolution on memrefs.
mlir::LogicalResult rewriteConvolution(mlir::RewriterBase &rewriter,
                                       mlir::linalg::LinalgOp op,
                                       const CpuVectorTarget &target);

} // namespace nnc

#endif // NNC_COMPILER_BACKENDS_CPU_CONVCODEGEN_H
