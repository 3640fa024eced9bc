// The AVX2 activation quantizer behind quantize_activations for Q8_0, Q8_1 and Q8_K: the same
// scale, rounding and sums as the scalar code in activation_quant.cpp, byte for byte
// (test_cpu_kernels compares them), at a fraction of its time. Generation quantizes every
// matmul's input once per token on one thread, so the scalar loop (a library call per
// element for fmax and nearbyint) was a few percent of a small model's token.

#include "backend/cpu/activation_quant.h"

#if defined(__x86_64__)
#include "backend/cpu/activation_round_avx2.h"
#include "quant/blocks_k.h"
#include "quant/blocks_legacy.h"
#include "quant/half.h"

#include <cstring>
#include <type_traits>

namespace conclave::cpu {
namespace {

// Per 32: d = amax / 127, codes x * 127 / amax. Q8_1 also stores s = d * Σq in fp16.
template <typename Block>
CONCLAVE_AVX2 void quantize_legacy(const float* src, std::int64_t blocks, unsigned char* out) {
    for (std::int64_t b = 0; b < blocks; ++b) {
        const float* xb = src + 32 * b;
        const float amax = amax_of(xb, 4);
        const float d = amax / 127.0f;
        const float inverse = amax != 0.0f ? 127.0f / amax : 0.0f;
        Block block;
        const HalfSums sums = round_store32(xb, _mm256_set1_ps(inverse), block.qs);
        block.d = quant::fp32_to_fp16(d);
        if constexpr (std::is_same_v<Block, quant::BlockQ8_1>) {
            const int sum = hsum_epi32(_mm256_add_epi32(sums.first, sums.second));
            block.s = quant::fp32_to_fp16(d * static_cast<float>(sum));
        }
        std::memcpy(out + b * sizeof block, &block, sizeof block);
    }
}

// Per 256: the first element of largest magnitude maps to -127; sums per 16 as int16.
CONCLAVE_AVX2 void quantize_k(const float* src, std::int64_t blocks, unsigned char* out) {
    for (std::int64_t b = 0; b < blocks; ++b) {
        const float* xb = src + 256 * b;
        quant::BlockQ8_K block;
        std::memset(&block, 0, sizeof block);
        const float amax = amax_of(xb, 32);
        if (amax != 0.0f) {
            const float iscale = -127.0f / first_of_magnitude(xb, 256, amax);
            for (int h = 0; h < 8; ++h) {
                const HalfSums sums = round_store32(xb + 32 * h, _mm256_set1_ps(iscale), block.qs + 32 * h);
                block.bsums[2 * h] = static_cast<std::int16_t>(hsum_epi32(sums.first));
                block.bsums[2 * h + 1] = static_cast<std::int16_t>(hsum_epi32(sums.second));
            }
            block.d = 1.0f / iscale;
        }
        std::memcpy(out + b * sizeof block, &block, sizeof block);
    }
}

} // namespace

bool quantize_activations_avx2(quant::TensorType format, const float* src, std::int64_t n, void* dst) {
    auto* out = static_cast<unsigned char*>(dst);
    switch (format) {
    case quant::TensorType::Q8_0: quantize_legacy<quant::BlockQ8_0>(src, n / quant::qk_legacy, out); return true;
    case quant::TensorType::Q8_1: quantize_legacy<quant::BlockQ8_1>(src, n / quant::qk_legacy, out); return true;
    case quant::TensorType::Q8_K: quantize_k(src, n / quant::qk_k, out); return true;
    default: return false;
    }
}

} // namespace conclave::cpu

#else

namespace conclave::cpu {
bool quantize_activations_avx2(quant::TensorType, const float*, std::int64_t, void*) { return false; }
} // namespace conclave::cpu

#endif
