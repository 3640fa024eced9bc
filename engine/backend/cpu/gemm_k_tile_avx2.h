#pragma once
// Internal to the gemm_k*_avx2.cpp files (x86-64 only): the GEMM micro-kernel shared by every
// weight format with 256-element super-blocks and Q8_K activations (Q2_K..Q6_K, IQ4_XS).
// A format supplies a Codes struct:
//   Block                      its super-block
//   prep(block, d, o, s)       d_w as float; o[16] the offset of each 16 elements (o_w in
//                              gemm.h, zero where none), or o[8] per 32 if offset_per_32;
//                              s[8][16] the int16 sub-block scales of each run of 32 as madd
//                              lanes (lanes 0-7: elements 0-15)
//   pair(block, p)             runs of 32 codes, two at a time (p = 0..3), as bytes
//   is_signed, has_offset,     codes are signed (table formats); o is used; o is per 32 and
//   offset_per_32              pairs with the record's o32 (one FMA per super-block, not two)
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

// The token loops are fully unrolled (pragma) so GCC keeps the per-token sums in registers;
// the pair loop is not, so it does not interleave pairs and spill. The float accumulators
// live in L1 (`acc`): one load and store per token per super-block is cheaper than the
// spills C = 8 register accumulators would cause.
template <typename Codes, int C>
CONCLAVE_AVX2 void tile(const GemmTile& t) {
    const auto* x = static_cast<const typename Codes::Block*>(t.w);
    const GemmPanelLayout& l = *t.layout;
    const std::int8_t* q[C];
    alignas(32) float acc[C][8];
#pragma GCC unroll 8
    for (int c = 0; c < C; ++c) {
        q[c] = reinterpret_cast<const std::int8_t*>(t.act[c]);
        _mm256_store_ps(acc[c], _mm256_setzero_ps());
    }
    const std::size_t d_offset = l.d_offset, o_offset = l.o_offset, o32_offset = l.o32_offset;
    for (std::int64_t b = 0; b < l.n / qk; ++b) {
        const std::int16_t* s = t.prep.s + 128 * b;
        __m256i sum[C];
#pragma GCC unroll 8
        for (int c = 0; c < C; ++c) sum[c] = _mm256_setzero_si256();
#pragma GCC unroll 1
        for (int p = 0; p < 4; ++p) {
            const RunPair r = Codes::pair(x[b], p);
            // One run at a time over the tokens: two code registers and one of scales live
            // beside the C sums.
#pragma GCC unroll 2
            for (int k = 0; k < 2; ++k) {
                const __m256i scales = load32(s + 16 * r.run[k]);
                const __m256i magnitude = Codes::is_signed ? _mm256_sign_epi8(r.codes[k], r.codes[k]) : r.codes[k];
                const std::int64_t offset = qk * b + 32 * r.run[k];
#pragma GCC unroll 8
                for (int c = 0; c < C; ++c) {
                    sum[c] = _mm256_add_epi32(sum[c], run_sum<Codes::is_signed>(r.codes[k], magnitude, q[c] + offset, scales));
                    // Pins the sum to a register here: otherwise GCC reassociates the two
                    // runs' products, keeps 2C temporaries live and spills.
                    __asm__("" : "+x"(sum[c]));
                }
            }
        }
        const __m256 wd = _mm256_broadcast_ss(t.prep.d + b);
        __m256 wo0 = _mm256_setzero_ps(), wo1 = _mm256_setzero_ps();
        if constexpr (Codes::has_offset && Codes::offset_per_32) {
            wo0 = _mm256_loadu_ps(t.prep.o + 16 * b); // the first 8 of the super-block's 16
        } else if constexpr (Codes::has_offset) {
            wo0 = _mm256_loadu_ps(t.prep.o + 16 * b);
            wo1 = _mm256_loadu_ps(t.prep.o + 16 * b + 8);
        }
#pragma GCC unroll 8
        for (int c = 0; c < C; ++c) {
            const auto* rec = reinterpret_cast<const unsigned char*>(q[c]);
            const float* d = reinterpret_cast<const float*>(rec + d_offset) + b;
            __m256 v = _mm256_fmadd_ps(_mm256_cvtepi32_ps(sum[c]), _mm256_mul_ps(wd, _mm256_broadcast_ss(d)),
                                       _mm256_load_ps(acc[c]));
            if constexpr (Codes::has_offset && Codes::offset_per_32) {
                v = _mm256_fmadd_ps(wo0, _mm256_loadu_ps(reinterpret_cast<const float*>(rec + o32_offset) + 8 * b), v);
            } else if constexpr (Codes::has_offset) {
                const float* o = reinterpret_cast<const float*>(rec + o_offset) + 16 * b;
                v = _mm256_fmadd_ps(wo0, _mm256_loadu_ps(o), v);
                v = _mm256_fmadd_ps(wo1, _mm256_loadu_ps(o + 8), v);
            }
            _mm256_store_ps(acc[c], v);
        }
    }
    int c = 0;
    for (; c + 4 <= C; c += 4) {
        alignas(16) float four[4];
        _mm_store_ps(four, hsum4(_mm256_load_ps(acc[c]), _mm256_load_ps(acc[c + 1]), _mm256_load_ps(acc[c + 2]),
                                 _mm256_load_ps(acc[c + 3])));
        for (int i = 0; i < 4; ++i) t.out[c + i][t.row] = four[i];
    }
    for (; c < C; ++c) t.out[c][t.row] = hsum256(_mm256_load_ps(acc[c]));
}

template <typename Codes, std::size_t... I>
constexpr GemmKernel make_kernel(std::index_sequence<I...>) {
    return GemmKernel{quant::TensorType::Q8_K, sizeof...(I), prep_row<Codes>, {tile<Codes, static_cast<int>(I) + 1>...},
                      qk, true, nullptr};
}

// Tiles of 1..8 tokens: 8 int32 sums fill half the registers, leaving room for a pair of runs
// and their scales.
template <typename Codes> constexpr GemmKernel kernel_for() { return make_kernel<Codes>(std::make_index_sequence<8>{}); }

} // namespace conclave::cpu::gemm_k
