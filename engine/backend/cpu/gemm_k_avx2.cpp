// GEMM micro-kernels for Q4_K, Q5_K and Q6_K weights with Q8_K activations on AVX2 (the tile
// is in gemm_k_tile_avx2.h). Here: how each format's codes unpack two runs of 32 at a time
// and what its per-row prep holds. Q4_K/Q5_K minimums go through the offset sums per 32 and
// Q6_K's -32 through those per 16 (gemm.h); the sub-block scales become int16 madd lanes.

#include "backend/cpu/gemm.h"

#if defined(__x86_64__)
#include "backend/cpu/gemm_k_tile_avx2.h"
#include "quant/half.h"
#include "quant/k_scales.h"

namespace conclave::cpu {
namespace {

using gemm_k::RunPair;

// Q4_K and Q5_K: d, dmin and eight 6-bit (scale, min) pairs per 32; the offsets per 32.
template <typename Block> void prep_k4_family(const Block& b, float& d, float* o, std::int16_t* s) {
    d = quant::fp16_to_fp32(b.d);
    const float dmin = quant::fp16_to_fp32(b.dmin);
    for (int j = 0; j < 8; ++j) {
        int scale = 0, min = 0;
        quant::unpack_scale_min_k4(b.scales, j, scale, min);
        o[j] = -dmin * static_cast<float>(min);
        for (int i = 0; i < 16; ++i) s[16 * j + i] = static_cast<std::int16_t>(scale);
    }
}

struct Q4_KCodes {
    using Block = quant::BlockQ4_K;
    static constexpr bool is_signed = false, has_offset = true, offset_per_32 = true;
    static void prep(const Block& b, float& d, float* o, std::int16_t* s) { prep_k4_family(b, d, o, s); }
    // Pair p: 32-byte chunk p of qs, low nibbles = run 2p, high nibbles = run 2p + 1.
    CONCLAVE_AVX2 static RunPair pair(const Block& b, int p) {
        const __m256i q = load32(b.qs + 32 * p);
        const __m256i mask = _mm256_set1_epi8(0x0f);
        return {{_mm256_and_si256(q, mask), _mm256_and_si256(_mm256_srli_epi16(q, 4), mask)}, {2 * p, 2 * p + 1}};
    }
};

// Q4_K's nibbles plus a fifth bit: bit j of qh byte i belongs to element i of run j.
struct Q5_KCodes {
    using Block = quant::BlockQ5_K;
    static constexpr bool is_signed = false, has_offset = true, offset_per_32 = true;
    static void prep(const Block& b, float& d, float* o, std::int16_t* s) { prep_k4_family(b, d, o, s); }
    CONCLAVE_AVX2 static RunPair pair(const Block& b, int p) {
        const __m256i q = load32(b.qs + 32 * p);
        const __m256i mask = _mm256_set1_epi8(0x0f), fifth = _mm256_set1_epi8(0x10);
        // Bits 2p and 2p + 1 of each qh byte moved to bit 4: one shift down by 2p for both,
        // then up by 4 and 3 (16-bit shifts; the mask drops what crosses between bytes).
        const __m256i down = _mm256_srl_epi16(load32(b.qh), _mm_cvtsi32_si128(2 * p));
        const __m256i h0 = _mm256_and_si256(_mm256_slli_epi16(down, 4), fifth);
        const __m256i h1 = _mm256_and_si256(_mm256_slli_epi16(down, 3), fifth);
        return {{_mm256_or_si256(_mm256_and_si256(q, mask), h0),
                 _mm256_or_si256(_mm256_and_si256(_mm256_srli_epi16(q, 4), mask), h1)},
                {2 * p, 2 * p + 1}};
    }
};

struct Q6_KCodes {
    using Block = quant::BlockQ6_K;
    static constexpr bool is_signed = false, has_offset = true, offset_per_32 = false;
    static void prep(const Block& b, float& d, float* o, std::int16_t* s) {
        d = quant::fp16_to_fp32(b.d);
        for (int g = 0; g < 16; ++g) o[g] = -32.0f * d * static_cast<float>(b.scales[g]);
        for (int j = 0; j < 8; ++j)
            for (int i = 0; i < 16; ++i) s[16 * j + i] = b.scales[2 * j + i / 8];
    }
    // Run j = 4h + k (half h, quarter k) takes its low four bits from ql bytes 64h + 32(k%2),
    // low nibble for k < 2, high for k >= 2, and its two high bits from qh byte 32h at bit 2k.
    // Pair p = 2h + k0 holds runs k0 and k0 + 2 of half h, which share one ql load.
    CONCLAVE_AVX2 static RunPair pair(const Block& b, int p) {
        const int h = p / 2, k0 = p % 2;
        const __m256i mask = _mm256_set1_epi8(0x0f), top = _mm256_set1_epi8(0x30);
        const __m256i ql = load32(b.ql + 64 * h + 32 * k0);
        const __m256i qh = load32(b.qh + 32 * h);
        // Bits 2k, 2k+1 of each qh byte moved to bits 4, 5 (16-bit shifts; the mask drops
        // what crosses between bytes).
        const __m256i high_first = _mm256_and_si256(k0 ? _mm256_slli_epi16(qh, 2) : _mm256_slli_epi16(qh, 4), top);
        const __m256i high_second = _mm256_and_si256(k0 ? _mm256_srli_epi16(qh, 2) : qh, top);
        return {{_mm256_or_si256(_mm256_and_si256(ql, mask), high_first),
                 _mm256_or_si256(_mm256_and_si256(_mm256_srli_epi16(ql, 4), mask), high_second)},
                {4 * h + k0, 4 * h + k0 + 2}};
    }
};

const GemmKernel q4_k = gemm_k::kernel_for<Q4_KCodes>();
const GemmKernel q5_k = gemm_k::kernel_for<Q5_KCodes>();
const GemmKernel q6_k = gemm_k::kernel_for<Q6_KCodes>();

} // namespace

const GemmKernel* gemm_kernel_k_avx2(quant::TensorType weight) {
    using T = quant::TensorType;
    switch (weight) {
    case T::Q4_K: return &q4_k;
    case T::Q5_K: return &q5_k;
    case T::Q6_K: return &q6_k;
    default: return nullptr;
    }
}

} // namespace conclave::cpu

#else

namespace conclave::cpu {
const GemmKernel* gemm_kernel_k_avx2(quant::TensorType) { return nullptr; }
} // namespace conclave::cpu

#endif
