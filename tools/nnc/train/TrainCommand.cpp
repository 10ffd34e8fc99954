//===- TrainCommand.cpp - nnc train ---------------------------------------===//
//
// JIT-compiles the model with @F_train_step (CompilerOptions::trainFunction
// and optimizerSpec), or loads a .so compiled with it, then trains it with
// nnc::Trainer on the data of --data or on a synthetic task
// (tools/nnc/train/TrainLoop.h). Everything that can be checked before training
// is: options, the data directory, the output directories, the model's entries
// against the data. Bad input writes no output file.
//
//===----------------------------------------------------------------------===//

#include "tools/nnc/train/TrainCommand.h"
#include "tools/nnc/train/SyntheticData.h"
#include "tools/nnc/train/TrainLoop.h"
#include "tools/nnc/train/TrainOptions.h"

#include "compiler/driver/Compiler.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/raw_ostream.h"

using namespace nnc;
using namespace nnc::train;

namespace {
int fail(const std::string &message) {
  llvm::errs() << "nnc: error: train: " << message << "\n";
  return 1;
}

/// An output whose directory is missing would fail only after an epoch.
Status checkOutputDirectories(const TrainOptions &options) {
  for (const std::string *path :
       {&options.settings.logPath, &options.settings.plotPath,
        &options.settings.checkpointPath}) {
    llvm::StringRef directory = llvm::sys::path::parent_path(*path);
    if (!directory.empty() && !llvm::sys::fs::is_directory(directory))
      return Status::error("cannot write '" + *path + "': no directory '" +
                           directory.str() + "'");
  }
  return Status::success();
}

/// JIT-compiles a .mlir model with its train step; loads a .so compiled
/// with one.
Status compileModel(const TrainOptions &options, Executable &out) {
  if (llvm::StringRef(options.model).ends_with(".so"))
    return Executable::load(options.model, out);
  CompilerOptions compilerOptions;
  compilerOptions.trainFunction = options.loss;
  compilerOptions.optimizerSpec = options.optimizer;
  Compiler compiler(compilerOptions);
  return compiler.compileFile(options.model, out);
}

Status createTrainer(const TrainOptions &options, Executable executable,
                     Trainer &out) {
  TrainerOptions trainerOptions;
  trainerOptions.trainEntry = options.loss + "_train_step";
  trainerOptions.predictEntry = options.predict;
  trainerOptions.seed = options.settings.seed;
  trainerOptions.model = llvm::sys::path::filename(options.model).str();
  trainerOptions.optimizer = options.optimizer;
  if (Status status =
          Trainer::create(std::move(executable), trainerOptions, out);
      !status.ok())
    return status;
  if (options.resumePath.empty())
    return Status::success();
  return out.load(options.resumePath);
}

/// The data binds to F's data arguments (input, label) and G's one input,
/// which must take the same examples.
Status bindData(const TrainOptions &options, const Trainer &trainer,
                DataBinding &out) {
  std::vector<const nnc_tensor_desc_t *> train = trainer.dataInputs();
  std::vector<const nnc_tensor_desc_t *> predict = trainer.predictInputs();
  const nnc_entry_desc_t *predictEntry = trainer.predictEntry();
  if (train.size() != 2)
    return Status::error("@" + options.loss + " takes " +
                         std::to_string(train.size()) +
                         " data arguments; nnc train binds two, the input "
                         "and the label");
  if (predict.size() != 1 || predictEntry->num_results < 1)
    return Status::error("@" + options.predict +
                         " must take one data argument (the input) and "
                         "return scores; it takes " +
                         std::to_string(predict.size()));
  if (!sameSignature(*predict[0], *train[0]))
    return Status::error("@" + options.predict + "'s input " +
                         describeArgument(*predict[0]) + " differs from @" +
                         options.loss + "'s " + describeArgument(*train[0]));
  return DataBinding::create(*train[0], *train[1], predictEntry->results[0],
                             out);
}

Status loadData(const TrainOptions &options, const DataBinding &binding,
                DataSplits &data) {
  if (options.data.empty()) {
    SyntheticTask task;
    task.exampleShape = binding.exampleShape();
    task.classes = binding.classes();
    task.seed = options.settings.seed;
    if (Status status = makeSyntheticData(task, data); !status.ok())
      return status;
  }
  if (Status status = binding.check(data.train, "the training set");
      !status.ok())
    return status;
  return binding.check(data.test, "the test set");
}

TrainSettings settingsFor(const TrainOptions &options) {
  TrainSettings settings = options.settings;
  settings.title = llvm::sys::path::filename(options.model).str() + ": @" +
                   options.loss + ", " + options.optimizer;
  return settings;
}

/// Batch-size rules the model imposes.
Status checkBatch(const TrainOptions &options, const DataBinding &binding) {
  int64_t fixed = binding.staticBatch();
  if (fixed && fixed != options.settings.batch)
    return Status::error("the model fixes the batch size at " +
                         std::to_string(fixed) +
                         "; use --batch=" + std::to_string(fixed));
  return Status::success();
}

int trainModel(const TrainOptions &options) {
  DataSplits data;
  if (!options.data.empty())
    if (Status status = loadDataDirectory(options.data, data); !status.ok())
      return fail(status.message());
  if (Status status = checkOutputDirectories(options); !status.ok())
    return fail(status.message());
  Executable executable;
  if (Status status = compileModel(options, executable); !status.ok()) {
    llvm::errs() << status.message() << "\n";
    return 1;
  }
  Trainer trainer;
  DataBinding binding;
  Status status = createTrainer(options, executable, trainer);
  if (status.ok())
    status = bindData(options, trainer, binding);
  if (status.ok())
    status = checkBatch(options, binding);
  if (status.ok())
    status = loadData(options, binding, data);
  if (!status.ok())
    return fail(status.message());
  llvm::outs() << "training " << options.model << " (@" << options.loss
               << "_train_step"
               << (options.optimizer.empty() ? "" : ", " + options.optimizer)
               << ") on " << data.source << ": " << data.train.size()
               << " training and " << data.test.size()
               << " test examples, batch " << options.settings.batch << "\n";
  ProgressReporter reporter(llvm::outs(),
                            llvm::sys::Process::StandardOutIsDisplayed());
  std::vector<LogRow> rows;
  if (Status status = runTraining(trainer, binding, data, settingsFor(options),
                                  reporter, rows);
      !status.ok())
    return fail(status.message());
  for (const std::string *path :
       {&options.settings.logPath, &options.settings.plotPath,
        &options.settings.checkpointPath})
    if (!path->empty())
      llvm::outs() << "wrote " << *path << "\n";
  return 0;
}
} // namespace

int nnc::runTrainCommand(int argc, char **argv) {
  for (int i = 1; i < argc; ++i) {
    if (llvm::StringRef(argv[i]) == "--help" ||
        llvm::StringRef(argv[i]) == "-h") {
      llvm::outs() << kTrainUsage << kTrainHelp;
      return 0;
    }
  }
  TrainOptions options;
  if (Status status = parseTrainOptions(argc, argv, options); !status.ok()) {
    fail(status.message());
    llvm::errs() << kTrainUsage;
    return 1;
  }
  return trainModel(options);
}
