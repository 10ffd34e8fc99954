// PLACEHOLDER: being written; replace entirely.
#include "compiler/conversion/NNToLinalg/PopulatePatterns.h"
void nnc::populatePoolingLoweringPatterns(mlir::RewritePatternSet &) {}
