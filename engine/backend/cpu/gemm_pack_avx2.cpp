// Activation rows quantized straight into GEMM token records (layout in gemm.h). The codes
// and scales are exactly those of quantize_activations for the same format (scale from the
// largest magnitude, round half to even), so the GEMM and the single-row kernels multiply
// the same numbers; test_cpu_gemm checks that byte for byte.

#include "backend/cpu/gemm.h"

#if defined(__x86_64__)
#include "backend/cpu/activation_round_avx2.h"
#include "quant/half.h"

#include <cstring>
#include <immintrin.h>

namespace conclave::cpu {
namespace {

// Q8_0 / Q8_1: per 32, d = amax / 127 (stored as fp16), codes x * 127 / amax. The offset sum
// is d * Σq: for Q8_1 rounded through fp16 as that format stores it, for Q8_0 with the fp16 d.
CONCLAVE_AVX2 void pack_legacy(const GemmPanelLayout& l, bool q8_1, const float* x, unsigned char* record) {
    auto* qs = reinterpret_cast<std::int8_t*>(record);
    auto* d = reinterpret_cast<float*>(record + l.d_offset);
    auto* o = reinterpret_cast<float*>(record + l.o_offset);
    const std::int64_t blocks = l.n / 32;
    for (std::int64_t b = 0; b < blocks; ++b) {
        const float* xb = x + 32 * b;
        const float amax = amax_of(xb, 4);
        const float scale = amax / 127.0f;
        const float inverse = amax != 0.0f ? 127.0f / amax : 0.0f;
        const HalfSums sums = round_store32(xb, _mm256_set1_ps(inverse), qs + 32 * b);
        const int sum = hsum_epi32(_mm256_add_epi32(sums.first, sums.second));
        const float d_half = quant::fp16_to_fp32(quant::fp32_to_fp16(scale));
        d[b] = d_half;
        o[b] = q8_1 ? quant::fp16_to_fp32(quant::fp32_to_fp16(scale * static_cast<float>(sum)))
                    : d_half * static_cast<float>(sum);
    }
    for (std::int64_t g = blocks; g < l.groups_padded; ++g) o[g] = 0.0f;
}

// Q8_K: per 256, the element of largest magnitude (the first such) maps to -127; codes
// saturate at 127; offsets per 16 and per 32.
CONCLAVE_AVX2 void pack_k(const GemmPanelLayout& l, const float* x, unsigned char* record) {
    auto* qs = reinterpret_cast<std::int8_t*>(record);
    auto* d = reinterpret_cast<float*>(record + l.d_offset);
    auto* o = reinterpret_cast<float*>(record + l.o_offset);
    auto* o32 = reinterpret_cast<float*>(record + l.o32_offset);
    for (std::int64_t b = 0; b < l.n / 256; ++b) {
        const float* xb = x + 256 * b;
        const float amax = amax_of(xb, 32);
        float* ob = o + 16 * b;
        float* o32b = o32 + 8 * b;
        if (amax == 0.0f) {
            std::memset(qs + 256 * b, 0, 256);
            d[b] = 0.0f;
            for (int g = 0; g < 16; ++g) ob[g] = 0.0f;
            for (int h = 0; h < 8; ++h) o32b[h] = 0.0f;
            continue;
        }
        const float iscale = -127.0f / first_of_magnitude(xb, 256, amax);
        const float scale = 1.0f / iscale;
        d[b] = scale;
        for (int h = 0; h < 8; ++h) {
            const HalfSums sums = round_store32(xb + 32 * h, _mm256_set1_ps(iscale), qs + 256 * b + 32 * h);
            const int first = hsum_epi32(sums.first), second = hsum_epi32(sums.second);
            ob[2 * h] = scale * static_cast<float>(first);
            ob[2 * h + 1] = scale * static_cast<float>(second);
            o32b[h] = scale * static_cast<float>(first + second);
        }
    }
    for (std::int64_t g = l.n / 16; g < l.groups_padded; ++g) o[g] = 0.0f;
    for (std::int64_t g = l.n / 32; g < (l.n / 32 + 7) / 8 * 8; ++g) o32[g] = 0.0f;
}

} // namespace

void gemm_pack_row_avx2(const GemmPanelLayout& layout, quant::TensorType format, const float* x, unsigned char* record) {
    if (format == quant::TensorType::Q8_K) pack_k(layout, x, record);
    else pack_legacy(layout, format == quant::TensorType::Q8_1, x, record);
}

} // namespace conclave::cpu

#else

namespace conclave::cpu {
void gemm_pack_row_avx2(const GemmPanelLayout&, quant::TensorType, const float*, unsigned char*) {}
} // namespace conclave::cpu

#endif
