// PLACEHOLDER: being written; replace entirely.
#include "compiler/conversion/NNToLinalg/PopulatePatterns.h"
void nnc::populateReductionLoweringPatterns(mlir::RewritePatternSet &) {}
