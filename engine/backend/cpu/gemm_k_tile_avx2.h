#pragma once
// Internal to the gemm_k*_avx2.cpp files (x86-64 only): the GEMM micro-kernel shared by every
// weight format with 256-element super-blocks and Q8_K activations (Q2_K..Q6_K, IQ4_XS).
// A format supplies a Codes struct:
//   Block                      its super-block
//   prep(block, d, o, s)       d_w as float; o[16] the offset of each 16 elements (o_w in
//                              gemm.h, zero where none); s[8][16] the int16 sub-block scales
//                              of each run of 32 as madd lanes (lanes 0-7: elements 0-15)
//   pair(block, p)             runs of 32 codes, two at a time (p = 0..3), as bytes
//   is_signed, has_offset      codes are signed (table formats); o is used
// The tile multiplies one weight row with C tokens. Per super-block each pair of runs is
// unpacked once into registers and used by all C tokens; unsigned codes go straight into
// maddubs, signed ones as |w| with w's sign moved onto the activation. The C int32 sums and C
// float accumulators stay in registers (2C + 6 of the 16 for C = 4).

#include "backend/cpu/avx2_util.h"
#include "backend/cpu/gemm.h"
#include "quant/blocks_k.h"

#include <immintrin.h>
#include <utility>

namespace conclave::cpu::gemm_k {

constexpr int qk = quant::qk_k;

// Two runs of 32 codes (elements 32 run[0].., 32 run[1]..) of one super-block.
struct RunPair {
    __m256i codes[2];
    int run[2];
};

template <typename Codes>
void prep_row(const void* w, std::int64_t n, const GemmRowPrep& prep) {
    const auto* x = static_cast<const typename Codes::Block*>(w);
    for (std::int64_t b = 0; b < n / qk; ++b) Codes::prep(x[b], prep.d[b], prep.o + 16 * b, prep.s + 128 * b);
}

// Sums of four float vectors in one: lane c = Σ v_c.
CONCLAVE_AVX2 inline __m128 hsum4(__m256 v0, __m256 v1, __m256 v2, __m256 v3) {
    const __m256 h = _mm256_hadd_ps(_mm256_hadd_ps(v0, v1), _mm256_hadd_ps(v2, v3));
    return _mm_add_ps(_mm256_castps256_ps128(h), _mm256_extractf128_ps(h, 1));
}

// Σ over one run: codes x activation bytes, weighted by the run's int16 scale lanes.
template <bool is_signed>
CONCLAVE_AVX2 inline __m256i run_sum(__m256i codes, __m256i magnitude, const std::int8_t* a, __m256i scales) {
    __m256i act = load32(a);
    if constexpr (is_signed) act = _mm256_sign_epi8(act, codes);
    return _mm256_madd_epi16(_mm256_maddubs_epi16(magnitude, act), scales);
}

// The token loops are fully unrolled (pragma) so GCC keeps the per-token arrays in
// registers; the pair loop is not, so it does not interleave pairs and spill.
template <typename Codes, int C>
CONCLAVE_AVX2 void tile(const GemmTile& t) {
    const auto* x = static_cast<const typename Codes::Block*>(t.w);
    const GemmPanelLayout& l = *t.layout;
    const std::int8_t* q[C];
    const float* d[C];
    const float* o[C];
    __m256 acc[C];
#pragma GCC unroll 8
    for (int c = 0; c < C; ++c) {
        q[c] = reinterpret_cast<const std::int8_t*>(t.act[c]);
        d[c] = reinterpret_cast<const float*>(t.act[c] + l.d_offset);
        o[c] = reinterpret_cast<const float*>(t.act[c] + l.o_offset);
        acc[c] = _mm256_setzero_ps();
    }
    for (std::int64_t b = 0; b < l.n / qk; ++b) {
        const std::int16_t* s = t.prep.s + 128 * b;
        __m256i sum[C];
#pragma GCC unroll 8
        for (int c = 0; c < C; ++c) sum[c] = _mm256_setzero_si256();
#pragma GCC unroll 1
        for (int p = 0; p < 4; ++p) {
            const RunPair r = Codes::pair(x[b], p);
            const __m256i s0 = load32(s + 16 * r.run[0]), s1 = load32(s + 16 * r.run[1]);
            __m256i m0 = r.codes[0], m1 = r.codes[1];
            if constexpr (Codes::is_signed) {
                m0 = _mm256_sign_epi8(m0, m0);
                m1 = _mm256_sign_epi8(m1, m1);
            }
#pragma GCC unroll 8
            for (int c = 0; c < C; ++c) {
                const std::int8_t* a = q[c] + qk * b;
                const __m256i p0 = run_sum<Codes::is_signed>(r.codes[0], m0, a + 32 * r.run[0], s0);
                const __m256i p1 = run_sum<Codes::is_signed>(r.codes[1], m1, a + 32 * r.run[1], s1);
                sum[c] = _mm256_add_epi32(sum[c], _mm256_add_epi32(p0, p1));
            }
        }
        const __m256 wd = _mm256_broadcast_ss(t.prep.d + b);
#pragma GCC unroll 8
        for (int c = 0; c < C; ++c)
            acc[c] = _mm256_fmadd_ps(_mm256_cvtepi32_ps(sum[c]), _mm256_mul_ps(wd, _mm256_broadcast_ss(d[c] + b)), acc[c]);
        if constexpr (Codes::has_offset) {
            const __m256 wo0 = _mm256_loadu_ps(t.prep.o + 16 * b), wo1 = _mm256_loadu_ps(t.prep.o + 16 * b + 8);
#pragma GCC unroll 8
            for (int c = 0; c < C; ++c) {
                acc[c] = _mm256_fmadd_ps(wo0, _mm256_loadu_ps(o[c] + 16 * b), acc[c]);
                acc[c] = _mm256_fmadd_ps(wo1, _mm256_loadu_ps(o[c] + 16 * b + 8), acc[c]);
            }
        }
    }
    if constexpr (C == 4) {
        alignas(16) float four[4];
        _mm_store_ps(four, hsum4(acc[0], acc[1], acc[2], acc[3]));
#pragma GCC unroll 8
        for (int c = 0; c < C; ++c) t.out[c][t.row] = four[c];
    } else {
#pragma GCC unroll 8
        for (int c = 0; c < C; ++c) t.out[c][t.row] = hsum256(acc[c]);
    }
}

template <typename Codes, std::size_t... I>
constexpr GemmKernel make_kernel(std::index_sequence<I...>) {
    return GemmKernel{quant::TensorType::Q8_K, sizeof...(I), prep_row<Codes>, {tile<Codes, static_cast<int>(I) + 1>...},
                      qk, true};
}

// Tiles of 1..4 tokens: 4 is the most whose sums and accumulators fit the 16 registers.
template <typename Codes> constexpr GemmKernel kernel_for() { return make_kernel<Codes>(std::make_index_sequence<4>{}); }

} // namespace conclave::cpu::gemm_k
