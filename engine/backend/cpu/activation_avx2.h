#pragma once
// Gated activations over one row on AVX2 (cpu_elementwise.cpp's fast path): the exp of each
// element by exp256 (avx2_util.h) eight at a time instead of one libm call per element.
// Pure functions.

#include <cstdint>

namespace conclave::cpu {

// out[i] = silu(g[i]) * u[i] for i < n. False (nothing written) without AVX2.
bool swiglu_row_avx2(const float* g, const float* u, float* out, std::int64_t n);

} // namespace conclave::cpu
