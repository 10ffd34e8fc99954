//===- TrainCommand.h - nnc train -------------------------------*- C++ -*-===//

#ifndef NNC_TOOLS_NNC_TRAIN_TRAINCOMMAND_H
#define NNC_TOOLS_NNC_TRAIN_TRAINCOMMAND_H

namespace nnc {

/// `nnc train MODEL.mlir --loss=F --optimizer=SPEC [...]`: argv[0] is
/// "train". Returns the process exit status.
int runTrainCommand(int argc, char **argv);

} // namespace nnc

#endif // NNC_TOOLS_NNC_TRAIN_TRAINCOMMAND_H
