//===- CheckGrad.h - nnc check-grad -----------------------------*- C++ -*-===//

#ifndef NNC_TOOLS_NNC_CHECKGRAD_H
#define NNC_TOOLS_NNC_CHECKGRAD_H

namespace nnc {

/// `nnc check-grad MODEL --function=F [...]`: argv[0] is "check-grad".
/// Returns the process exit status.
int runCheckGrad(int argc, char **argv);

} // namespace nnc

#endif // NNC_TOOLS_NNC_CHECKGRAD_H
