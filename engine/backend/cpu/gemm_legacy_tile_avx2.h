#pragma once
// Internal to the GEMM files for 32-element blocks (x86-64 only): the micro-kernel shared by
// Q4_0, Q4_1, Q5_0, Q5_1, Q8_0 (gemm_legacy_avx2.cpp) and IQ4_NL, MXFP4 (gemm_iq_avx2.cpp),
// all with Q8_0 or Q8_1 activations. A format supplies a Codes struct:
//   Block                 its block of 32
//   scale(b), offset(b)   d_w and the constant offset o_w of the block (gemm.h)
//   codes(b)              the 32 codes in element order, unsigned, or signed if is_signed
// One weight row against up to eight tokens: each block's codes are expanded once into a
// register and multiplied with every token's 32 activation bytes (maddubs, then madd to int32
// lanes); the lanes are scaled by d_w * d_a into one float accumulator per token, eight in
// registers. Signed codes go in as |w| with w's sign moved onto the activation. Offsets enter
// once per eight blocks through the record's offset sums.

#include "backend/cpu/avx2_util.h"
#include "backend/cpu/gemm.h"

#include <immintrin.h>
#include <utility>

namespace conclave::cpu::gemm_legacy {

template <typename Codes>
void prep_row(const void* w, std::int64_t n, const GemmRowPrep& prep) {
    const auto* x = static_cast<const typename Codes::Block*>(w);
    const std::int64_t blocks = n / 32;
    for (std::int64_t b = 0; b < blocks; ++b) {
        prep.d[b] = Codes::scale(x[b]);
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
    return GemmKernel{format, sizeof...(I), prep_row<Codes>, {tile<Codes, static_cast<int>(I) + 1>...}, 32, false, nullptr};
}

// Tiles of 1..8 tokens.
template <typename Codes> constexpr GemmKernel kernel_for(quant::TensorType activation_format) {
    return make_kernel<Codes>(activation_format, std::make_index_sequence<8>{});
}

} // namespace conclave::cpu::gemm_legacy
