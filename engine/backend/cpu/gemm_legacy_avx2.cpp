// GEMM micro-kernels for the 32-element formats (Q4_0, Q4_1, Q5_0, Q5_1, Q8_0) on AVX2.
// One weight row against up to eight tokens: each block's codes are expanded once into a
// register and multiplied with every token's 32 activation bytes (maddubs, then madd to int32
// lanes); the lanes are scaled by d_w * d_a into one float accumulator per token, eight in
// registers. Codes are unsigned (Q4_0 as 0..15, Q5_0 as 0..31) and the format's offset
// (-8 d, -16 d, or the minimum m) enters once per eight blocks through the record's offset
// sums (gemm.h). Q8_0 codes are signed: |w| times a carrying w's sign.

#include "backend/cpu/gemm.h"

#if defined(__x86_64__)
#include "backend/cpu/avx2_util.h"
#include "quant/blocks_legacy.h"
#include "quant/half.h"

#include <immintrin.h>
#include <utility>

namespace conclave::cpu {
namespace {

struct Q4_0Codes {
    using Block = quant::BlockQ4_0;
    static constexpr bool is_signed = false;
    static float offset(const Block& b) { return -8.0f * quant::fp16_to_fp32(b.d); }
    CONCLAVE_AVX2 static __m256i codes(const Block& b) { return spread_nibbles(b.qs); }
};
struct Q4_1Codes {
    using Block = quant::BlockQ4_1;
    static constexpr bool is_signed = false;
    static float offset(const Block& b) { return quant::fp16_to_fp32(b.m); }
    CONCLAVE_AVX2 static __m256i codes(const Block& b) { return spread_nibbles(b.qs); }
};
struct Q5_0Codes {
    using Block = quant::BlockQ5_0;
    static constexpr bool is_signed = false;
    static float offset(const Block& b) { return -16.0f * quant::fp16_to_fp32(b.d); }
    CONCLAVE_AVX2 static __m256i codes(const Block& b) { return _mm256_or_si256(spread_nibbles(b.qs), fifth_bits(b.qh)); }
};
struct Q5_1Codes {
    using Block = quant::BlockQ5_1;
    static constexpr bool is_signed = false;
    static float offset(const Block& b) { return quant::fp16_to_fp32(b.m); }
    CONCLAVE_AVX2 static __m256i codes(const Block& b) { return _mm256_or_si256(spread_nibbles(b.qs), fifth_bits(b.qh)); }
};
struct Q8_0Codes {
    using Block = quant::BlockQ8_0;
    static constexpr bool is_signed = true;
    static float offset(const Block&) { return 0.0f; }
    CONCLAVE_AVX2 static __m256i codes(const Block& b) { return _mm256_loadu_si256(reinterpret_cast<const __m256i*>(b.qs)); }
};

template <typename Codes>
void prep_row(const void* w, std::int64_t n, const GemmRowPrep& prep) {
    const auto* x = static_cast<const typename Codes::Block*>(w);
    const std::int64_t blocks = n / 32;
    for (std::int64_t b = 0; b < blocks; ++b) {
        prep.d[b] = quant::fp16_to_fp32(x[b].d);
        prep.o[b] = Codes::offset(x[b]);
    }
    for (std::int64_t b = blocks; b < (blocks + 7) / 8 * 8; ++b) prep.o[b] = 0.0f;
}

// [n] weight row x [n, C] token records -> C outputs. Memory: the row's blocks once, each
// token's codes once; everything else in registers.
template <typename Codes, int C>
CONCLAVE_AVX2 void tile(const GemmTile& t) {
    const auto* x = static_cast<const typename Codes::Block*>(t.w);
    const GemmPanelLayout& l = *t.layout;
    const std::int64_t blocks = l.n / 32;
    const std::int8_t* q[C];
    const float* d[C];
    __m256 acc[C];
#pragma GCC unroll 8
    for (int c = 0; c < C; ++c) {
        q[c] = reinterpret_cast<const std::int8_t*>(t.act[c]);
        d[c] = reinterpret_cast<const float*>(t.act[c] + l.d_offset);
        acc[c] = _mm256_setzero_ps();
    }
    const __m256i ones = _mm256_set1_epi16(1);
    for (std::int64_t b = 0; b < blocks; ++b) {
        const __m256i codes = Codes::codes(x[b]);
        const __m256i magnitude = Codes::is_signed ? _mm256_sign_epi8(codes, codes) : codes;
        const __m256 wd = _mm256_broadcast_ss(t.prep.d + b);
#pragma GCC unroll 8
    for (int c = 0; c < C; ++c) {
            __m256i a = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(q[c] + 32 * b));
            if constexpr (Codes::is_signed) a = _mm256_sign_epi8(a, codes);
            const __m256i sum = _mm256_madd_epi16(_mm256_maddubs_epi16(magnitude, a), ones);
            const __m256 scale = _mm256_mul_ps(wd, _mm256_broadcast_ss(d[c] + b));
            acc[c] = _mm256_fmadd_ps(_mm256_cvtepi32_ps(sum), scale, acc[c]);
        }
    }
    if constexpr (!Codes::is_signed) {
        for (std::int64_t g = 0; g < l.groups_padded; g += 8) {
            const __m256 wo = _mm256_loadu_ps(t.prep.o + g);
#pragma GCC unroll 8
    for (int c = 0; c < C; ++c) {
                const auto* o = reinterpret_cast<const float*>(t.act[c] + l.o_offset);
                acc[c] = _mm256_fmadd_ps(wo, _mm256_loadu_ps(o + g), acc[c]);
            }
        }
    }
#pragma GCC unroll 8
    for (int c = 0; c < C; ++c) t.out[c][t.row] = hsum256(acc[c]);
}

template <typename Codes, std::size_t... I>
constexpr GemmKernel make_kernel(quant::TensorType format, std::index_sequence<I...>) {
    return GemmKernel{format, sizeof...(I), prep_row<Codes>, {tile<Codes, static_cast<int>(I) + 1>...}, 32, false};
}

constexpr auto tokens = std::make_index_sequence<8>{};
const GemmKernel q4_0 = make_kernel<Q4_0Codes>(quant::TensorType::Q8_0, tokens);
const GemmKernel q4_1 = make_kernel<Q4_1Codes>(quant::TensorType::Q8_1, tokens);
const GemmKernel q5_0 = make_kernel<Q5_0Codes>(quant::TensorType::Q8_0, tokens);
const GemmKernel q5_1 = make_kernel<Q5_1Codes>(quant::TensorType::Q8_1, tokens);
const GemmKernel q8_0 = make_kernel<Q8_0Codes>(quant::TensorType::Q8_0, tokens);

} // namespace

const GemmKernel* gemm_kernel_legacy_avx2(quant::TensorType weight) {
    using T = quant::TensorType;
    switch (weight) {
    case T::Q4_0: return &q4_0;
    case T::Q4_1: return &q4_1;
    case T::Q5_0: return &q5_0;
    case T::Q5_1: return &q5_1;
    case T::Q8_0: return &q8_0;
    default: return nullptr;
    }
}

} // namespace conclave::cpu

#else

namespace conclave::cpu {
const GemmKernel* gemm_kernel_legacy_avx2(quant::TensorType) { return nullptr; }
} // namespace conclave::cpu

#endif
