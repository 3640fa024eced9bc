#pragma once
// Helpers shared by the Vulkan op tests: seeded random inputs, CPU tensors over host vectors
// (the CPU backend is the reference), and the error measures each test bounds.

#include "backend/tensor.h"

#include <cstdint>
#include <vector>

namespace conclave::vulkan::testing {

// n Gaussian values (mean 0, standard deviation `spread`) from `seed`.
std::vector<float> random_floats(std::size_t n, std::uint32_t seed, float spread = 1.0f);

// An F32 tensor over `values` (which must outlive it and not move).
Tensor host_tensor(std::vector<float>& values, std::array<std::int64_t, 4> ne);
// Any-type tensor over host bytes.
Tensor host_bytes(std::vector<unsigned char>& bytes, quant::TensorType type, std::array<std::int64_t, 4> ne);

// How far `got` is from `want`: the largest |got - want| / allowed[i], where allowed[i] is
// the per-element error budget the test states; <= 1 passes. Non-finite values or a size
// mismatch give +Inf.
double worst_ratio(const std::vector<float>& got, const std::vector<float>& want, const std::vector<double>& allowed);
// The largest |got - want| (Inf on non-finite values or a size mismatch), for reports.
double max_abs_error(const std::vector<float>& got, const std::vector<float>& want);

} // namespace conclave::vulkan::testing
