#pragma once
// Float vector kernels shared by the CPU ops, dispatched once at start-up to the widest
// instruction set the processor has (AVX2+FMA on x86-64, NEON on ARM64, plain C++ elsewhere).

#include <cstdint>

namespace conclave::cpu {

struct VecKernels {
    float (*dot)(const float* a, const float* b, std::int64_t n);
    // y += a * x
    void (*axpy)(float a, const float* x, float* y, std::int64_t n);
    // The same with `a`/`x` stored as IEEE half precision (KV cache rows).
    float (*dot_f16)(const std::uint16_t* a, const float* b, std::int64_t n);
    void (*axpy_f16)(float a, const std::uint16_t* x, float* y, std::int64_t n);
    const char* name;
};

// The kernels for this processor, chosen on first use.
const VecKernels& vec_kernels();
// The portable kernels, for tests that compare dispatched against reference.
const VecKernels& vec_kernels_portable();

} // namespace conclave::cpu
