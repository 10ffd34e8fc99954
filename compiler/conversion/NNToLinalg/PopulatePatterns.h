//===- PopulatePatterns.h - nn -> linalg patterns per op family -*- C++ -*-===//
//
// Private to the conversion: one populate function per op family, each
// defined in the file of that family.
//
//===----------------------------------------------------------------------===//

#ifndef NNC_COMPILER_CONVERSION_NNTOLINALG_POPULATEPATTERNS_H
#define NNC_COMPILER_CONVERSION_NNTOLINALG_POPULATEPATTERNS_H

#include "mlir/IR/PatternMatch.h"

namespace nnc {

void populateElementwiseLoweringPatterns(mlir::RewritePatternSet &patterns);
void populateMatmulLoweringPatterns(mlir::RewritePatternSet &patterns);
void populateConvLoweringPatterns(mlir::RewritePatternSet &patterns);
void populatePoolingLoweringPatterns(mlir::RewritePatternSet &patterns);
void populateNormLoweringPatterns(mlir::RewritePatternSet &patterns);
void populateSoftmaxLoweringPatterns(mlir::RewritePatternSet &patterns);
void populateReductionLoweringPatterns(mlir::RewritePatternSet &patterns);
void populateDataMovementLoweringPatterns(mlir::RewritePatternSet &patterns);

} // namespace nnc

#endif // NNC_COMPILER_CONVERSION_NNTOLINALG_POPULATEPATTERNS_H
