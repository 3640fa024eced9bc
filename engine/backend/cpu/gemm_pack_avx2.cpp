// Activation rows quantized straight into GEMM token records (layout in gemm.h). The codes
// and scales are exactly those of quantize_activations for the same format (scale from the
// largest magnitude, round half to even), so the GEMM and the single-row kernels multiply
// the same numbers; test_cpu_gemm checks that byte for byte.

#include "backend/cpu/gemm.h"

#if defined(__x86_64__)
#include "backend/cpu/avx2_util.h"
#include "quant/half.h"

#include <cstring>
#include <immintrin.h>

namespace conclave::cpu {
namespace {

CONCLAVE_AVX2 inline float hmax256(__m256 v) {
    __m128 m = _mm_max_ps(_mm256_castps256_ps128(v), _mm256_extractf128_ps(v, 1));
    m = _mm_max_ps(m, _mm_movehl_ps(m, m));
    m = _mm_max_ss(m, _mm_movehdup_ps(m));
    return _mm_cvtss_f32(m);
}

CONCLAVE_AVX2 inline int hsum_epi32(__m256i v) {
    __m128i s = _mm_add_epi32(_mm256_castsi256_si128(v), _mm256_extracti128_si256(v, 1));
    s = _mm_add_epi32(s, _mm_shuffle_epi32(s, 0x4e));
    s = _mm_add_epi32(s, _mm_shuffle_epi32(s, 0xb1));
    return _mm_cvtsi128_si32(s);
}

// 32 floats times `scale`, rounded half to even, stored as 32 int8 (values within ±127).
// Returns the code sums of elements 0-15 and 16-31, each as eight int32 partial sums.
struct HalfSums {
    __m256i first, second;
};
CONCLAVE_AVX2 inline HalfSums round_store32(const float* x, __m256 scale, std::int8_t* out) {
    __m256i q[4];
    for (int k = 0; k < 4; ++k)
        q[k] = _mm256_cvtps_epi32(_mm256_round_ps(_mm256_mul_ps(_mm256_loadu_ps(x + 8 * k), scale),
                                                  _MM_FROUND_TO_NEAREST_INT | _MM_FROUND_NO_EXC));
    // packs work within 128-bit lanes; the permute puts the four groups of eight back in order.
    const __m256i bytes = _mm256_packs_epi16(_mm256_packs_epi32(q[0], q[1]), _mm256_packs_epi32(q[2], q[3]));
    const __m256i ordered = _mm256_permutevar8x32_epi32(bytes, _mm256_setr_epi32(0, 4, 1, 5, 2, 6, 3, 7));
    _mm256_storeu_si256(reinterpret_cast<__m256i*>(out), ordered);
    return {_mm256_add_epi32(q[0], q[1]), _mm256_add_epi32(q[2], q[3])};
}

CONCLAVE_AVX2 inline __m256 abs_ps(__m256 v) { return _mm256_andnot_ps(_mm256_set1_ps(-0.0f), v); }

// Q8_0 / Q8_1: per 32, d = amax / 127 (stored as fp16), codes x * 127 / amax. The offset sum
// is d * Σq: for Q8_1 rounded through fp16 as that format stores it, for Q8_0 with the fp16 d.
CONCLAVE_AVX2 void pack_legacy(const GemmPanelLayout& l, bool q8_1, const float* x, unsigned char* record) {
    auto* qs = reinterpret_cast<std::int8_t*>(record);
    auto* d = reinterpret_cast<float*>(record + l.d_offset);
    auto* o = reinterpret_cast<float*>(record + l.o_offset);
    const std::int64_t blocks = l.n / 32;
    for (std::int64_t b = 0; b < blocks; ++b) {
        const float* xb = x + 32 * b;
        __m256 m = abs_ps(_mm256_loadu_ps(xb));
        for (int k = 1; k < 4; ++k) m = _mm256_max_ps(m, abs_ps(_mm256_loadu_ps(xb + 8 * k)));
        const float amax = hmax256(m);
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
        __m256 m = _mm256_setzero_ps();
        for (int k = 0; k < 32; ++k) m = _mm256_max_ps(m, abs_ps(_mm256_loadu_ps(xb + 8 * k)));
        const float amax = hmax256(m);
        float* ob = o + 16 * b;
        float* o32b = o32 + 8 * b;
        if (amax == 0.0f) {
            std::memset(qs + 256 * b, 0, 256);
            d[b] = 0.0f;
            for (int g = 0; g < 16; ++g) ob[g] = 0.0f;
            for (int h = 0; h < 8; ++h) o32b[h] = 0.0f;
            continue;
        }
        float max = 0.0f;
        for (int i = 0; i < 256; ++i)
            if (xb[i] == amax || xb[i] == -amax) {
                max = xb[i];
                break;
            }
        const float iscale = -127.0f / max;
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
