//===- Init.h - Initializing parameters from a seed -------------*- C++ -*-===//
//
// Fills nn.param and nn.state tensors as their nn.init attribute says, with
// PyTorch's formulas (torch.nn.init), where fan_in and fan_out are those of
// torch.nn.init._calculate_fan_in_and_fan_out: for shape [out, in, k...],
// fan_in = in * R and fan_out = out * R with R = the product of the k...
// (the receptive field).
//
//   init            distribution        parameter
//   zeros, ones     constant 0, 1
//   normal          N(0, 1)
//   uniform         U[0, 1)
//   xavier_uniform  U(-a, a)            a = sqrt(6 / (fan_in + fan_out))
//   xavier_normal   N(0, std^2)         std = sqrt(2 / (fan_in + fan_out))
//   he_uniform      U(-b, b)            b = sqrt(6 / fan_in)
//   he_normal       N(0, std^2)         std = sqrt(2 / fan_in)
//
// (xavier_* use gain 1; he_* are kaiming_*_(a=0, mode="fan_in",
// nonlinearity="relu"), i.e. gain sqrt(2).) PyTorch rejects tensors of fewer
// than two dimensions for the fan-based formulas; nnc uses fan_in = fan_out =
// size for 1-d tensors and 1 for 0-d ones, so that a bias may name any
// initializer. A missing init means zeros. Tensors with no elements are left
// as they are, as PyTorch does.
//
// The values are a pure function of (init, dtype, shape, seed), identical on
// every platform: the bits come from our own generator (nnc/Random.h), not
// from std::*_distribution, and normal values from the Box-Muller transform.
// They are not PyTorch's values for the same seed.
//
// Thread-safety: pure functions; concurrent calls on distinct tensors are
// safe.
//
//===----------------------------------------------------------------------===//

#ifndef NNC_INIT_H
#define NNC_INIT_H

#include "nnc/Api.h"
#include "nnc/Status.h"
#include "nnc/Tensor.h"
#include "nnc/abi.h"

#include <cstdint>
#include <string>
#include <vector>

namespace nnc {

/// fan_in and fan_out of a tensor of `shape`, as described above.
struct Fans {
  double in;
  double out;
};
NNC_API Fans computeFans(const std::vector<int64_t> &shape);

/// Overwrites the elements of `tensor` as `init` says. Random initializers
/// need an f32 or f64 tensor; zeros and ones take any dtype. An unknown name
/// is an error listing the known ones.
NNC_API Status fillInitializer(const std::string &init, uint64_t seed,
                               Tensor &tensor);

/// Creates a tensor of the dtype and shape of `desc`, filled as desc.init
/// says. Fails if the shape has a dynamic size.
NNC_API Status initialize(const nnc_tensor_desc_t &desc, uint64_t seed,
                          Tensor &out);

/// The seed of argument `index` of an entry initialized from `seed`: each
/// argument draws from its own stream, so its values depend on its index and
/// not on the shapes of the arguments before it.
NNC_API uint64_t deriveSeed(uint64_t seed, uint64_t index);

/// Resizes `args` to the entry's argument count and puts a new tensor,
/// initialize(arg, deriveSeed(seed, i)), at every parameter and state
/// position i; input positions are left as they are, for the caller to fill
/// before calling the entry. On error `args` is unspecified.
NNC_API Status initializeParameters(const nnc_entry_desc_t &entry,
                                    uint64_t seed, std::vector<Tensor> &args);

} // namespace nnc

#endif // NNC_INIT_H
