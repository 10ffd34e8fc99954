//===- NNBase.td - nn dialect definition and op base classes -*- tablegen -*-===//
//
// The nn dialect: neural networks as DAGs of tensor ops. Every op carries its
// own semantics in one place: constraints and shape inference here, the
// lowering in compiler/conversion, the VJP rule in compiler/autodiff and the
// reference kernel in compiler/interpreter/kernels.
//
//===----------------------------------------------------------------------===//

#ifndef NN_BASE_TD
#define NN_BASE_TD

include "mlir/IR/OpBase.td"
include "mlir/IR/AttrTypeBase.td"
include "mlir/Interfaces/InferTypeOpInterface.td"
include "mlir/Interfaces/SideEffectInterfaces.td"

def NN_Dialect : Dialect {
  let name = "nn";
  let cppNamespace = "::mlir::nn";
  let summary = "Neural-network graphs on ranked tensors";
  let description = [{
    Ops of a neural network as a dataflow graph on ranked tensors: layers,
    activations, normalization, pooling, reductions and losses. Images are
    NCHW, conv weights [F, C/groups, KH, KW], linear weights [out, in]. The
    leading (batch) dimension may be dynamic. Function arguments carry the
    roles `nn.param` (trainable), `nn.state` (running statistics) and the
    initializer `nn.init`.
  }];
  let dependentDialects = ["::mlir::arith::ArithDialect",
                           "::mlir::func::FuncDialect",
                           "::mlir::tensor::TensorDialect"];
  // Inherent attributes stay in the attribute dictionary so that the generic
  // form is exactly `"nn.conv2d"(%x, %w) {strides = array<i64: 1, 1>}`.
  let usePropertiesForAttributes = 0;
  let hasRegionArgAttrVerify = 1;
  let hasRegionResultAttrVerify = 1;
  let hasOperationAttrVerify = 1;
  let hasConstantMaterializer = 1;
}

//===----------------------------------------------------------------------===//
// Type constraints
//===----------------------------------------------------------------------===//

def NN_FloatTensor : RankedTensorOf<[AnyFloat]>;
def NN_IntTensor : RankedTensorOf<[I32, I64]>;
def NN_LabelTensor : RankedTensorOf<[I32, I64, AnyFloat]>;
def NN_SeedTensor : 0DTensorOf<[I64]>;
def NN_AnyTensor : RankedTensorOf<[AnyFloat, I1, I32, I64]>;

//===----------------------------------------------------------------------===//
// Op base classes
//===----------------------------------------------------------------------===//

// All nn ops are pure: dropout is a function of its seed operand.
class NN_Op<string mnemonic, list<Trait> traits = []>
    : Op<NN_Dialect, mnemonic, !listconcat([Pure], traits)>;

// An op whose result types follow from its operands and attributes. The op
// implements one function, `inferResultTypes`, which both computes the types
// and checks the operands; the verifier, the type-inference interface and the
// builders all go through it, so checks and shapes can never disagree.
class NN_InferredOp<string mnemonic, list<Trait> traits = []>
    : NN_Op<mnemonic, !listconcat(traits,
        [DeclareOpInterfaceMethods<InferTypeOpInterface,
                                   ["refineReturnTypes"]>])> {
  let hasVerifier = 1;
  code extraInferredDecls = [{
    /// Computes the result types from operands and attributes. Problems are
    /// reported through `diag` (which may be silent) and yield failure.
    static ::mlir::LogicalResult
    inferResultTypes(Adaptor adaptor, const ::mlir::nn::ShapeDiag &diag,
                     ::llvm::SmallVectorImpl<::mlir::Type> &types);
  }];
  let extraClassDeclaration = extraInferredDecls;
  code inferredDefs = [{
    ::mlir::LogicalResult $cppClass::inferReturnTypes(
        ::mlir::MLIRContext *context, ::std::optional<::mlir::Location> loc,
        ::mlir::ValueRange operands, ::mlir::DictionaryAttr attributes,
        ::mlir::OpaqueProperties properties, ::mlir::RegionRange regions,
        ::llvm::SmallVectorImpl<::mlir::Type> &types) {
      // Parsers infer before the op exists, so defaults are not filled yet.
      ::mlir::NamedAttrList withDefaults(attributes);
      populateDefaultAttrs(::mlir::OperationName(getOperationName(), context),
                           withDefaults);
      Adaptor adaptor(operands, withDefaults.getDictionary(context),
                      properties, regions);
      // Parsers infer before the verifier has checked attributes and operands.
      if (::mlir::failed(::mlir::nn::checkInferenceInputs(
              adaptor, operands, context, loc, getOperationName())))
        return ::mlir::failure();
      return inferResultTypes(adaptor,
                              ::mlir::nn::ShapeDiag(loc, getOperationName()),
                              types);
    }
    ::mlir::LogicalResult $cppClass::refineReturnTypes(
        ::mlir::MLIRContext *, ::std::optional<::mlir::Location>,
        ::mlir::ValueRange, ::mlir::DictionaryAttr, ::mlir::OpaqueProperties,
        ::mlir::RegionRange, ::llvm::SmallVectorImpl<::mlir::Type> &) {
      // verify() checks operands and declared result types with a precise
      // message; failing here would add a vague "failed to infer returned
      // types" on top of it.
      return ::mlir::success();
    }
    ::mlir::LogicalResult $cppClass::verify() {
      ::llvm::SmallVector<::mlir::Type> inferred;
      if (::mlir::failed(inferResultTypes(
              Adaptor(*this), ::mlir::nn::ShapeDiag(*this), inferred)))
        return ::mlir::failure();
      return ::mlir::nn::checkResultTypes(getLoc(), getOperationName(),
                                          inferred,
                                          getOperation()->getResultTypes());
    }
  }];
  let extraClassDefinition = inferredDefs;
}

#endif // NN_BASE_TD
