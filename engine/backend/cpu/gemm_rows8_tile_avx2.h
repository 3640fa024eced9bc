#pragma once
// Internal to the GEMM files (x86-64 only): the row-group kernel for 32-element block formats
// with signed levels and Q8_0 activations (MXFP4, Q8_0). A format supplies a Codes struct (as
// for gemm_legacy_tile_avx2.h): Block, scale(b), codes(b) (the 32 signed levels in element
// order), max_level (the largest |level|) and split: levels beyond ±16 (Q8_0) are stored as
// two registers, 16 hi + lo with lo in 0..15 and hi in -8..7, each product summed as below
// and the hi sums weighted by 16 in their madd.
//
// Why: the one-row tile reduces each block's eight int32 lanes per token and pays a
// conversion, a scale product and an FMA per block and token (six vector operations per 32
// multiply-accumulates). Here eight rows share every operation instead:
//   prep (once per row chunk): each row's levels expanded, then the eight rows interleaved so
//     that register k of a block holds bytes 4k..4k+3 of all eight rows (one int32 lane per
//     row), plus per row and block the scale and 128 * Σ levels;
//   sweep: the token's four bytes 4k..4k+3 broadcast to every lane, times register k
//     (maddubs with the activation as the unsigned operand: codes stored biased, q + 128 in
//     1..255), four such products summed in int16 (at most 8 * 255 * 16 < 32768), two madds
//     to int32 per row; minus 128 * Σ levels that gives exactly Σ q * level of the block per
//     row, converted and scaled once for eight rows.
// So each row's block dot is the exact integer sum, and each output sums d_w * d_a * that
// over the blocks in order, one float FMA per block, as the scalar reference does.
//
// Group layout (n / 32 blocks): codes [blocks][8 registers (16 split: lo, then hi)][8 rows][4 bytes], then int32
// 128 * Σ levels [blocks][8 rows], then float d_w [blocks][8 rows].

#include "backend/cpu/avx2_util.h"
#include "backend/cpu/gemm.h"

#include <algorithm>
#include <cstring>
#include <immintrin.h>

namespace conclave::cpu::gemm_rows8 {

// Interleaved code bytes per block of eight rows: 8 registers, or 16 when split.
template <typename Codes> constexpr std::int64_t code_bytes = Codes::split ? 512 : 256;
template <typename Codes> constexpr std::int64_t block_bytes = code_bytes<Codes> + 8 * 4 + 8 * 4;

template <typename Codes> std::size_t group_bytes(std::int64_t n) {
    return static_cast<std::size_t>(n / 32 * block_bytes<Codes>);
}

// 8x8 int32 transpose: out[k] lane i = in[i] lane k.
CONCLAVE_AVX2 inline void transpose8(const __m256i (&in)[8], __m256i (&out)[8]) {
    __m256i t[8], u[8];
    for (int i = 0; i < 8; i += 2) {
        t[i] = _mm256_unpacklo_epi32(in[i], in[i + 1]);
        t[i + 1] = _mm256_unpackhi_epi32(in[i], in[i + 1]);
    }
    for (int i = 0; i < 8; i += 4) {
        u[i] = _mm256_unpacklo_epi64(t[i], t[i + 2]);
        u[i + 1] = _mm256_unpackhi_epi64(t[i], t[i + 2]);
        u[i + 2] = _mm256_unpacklo_epi64(t[i + 1], t[i + 3]);
        u[i + 3] = _mm256_unpackhi_epi64(t[i + 1], t[i + 3]);
    }
    for (int k = 0; k < 4; ++k) {
        out[k] = _mm256_permute2x128_si256(u[k], u[k + 4], 0x20);
        out[k + 4] = _mm256_permute2x128_si256(u[k], u[k + 4], 0x31);
    }
}

template <typename Codes>
CONCLAVE_AVX2 void prep_group(const unsigned char* w, std::size_t row_bytes, int n_rows, std::int64_t n,
                              unsigned char* group) {
    static_assert(Codes::split || Codes::max_level <= 16, "four int16 products per lane must not saturate");
    constexpr std::int64_t cb = code_bytes<Codes>;
    const std::int64_t blocks = n / 32;
    auto* codes = group;
    auto* sums = reinterpret_cast<std::int32_t*>(group + blocks * cb);
    auto* scales = reinterpret_cast<float*>(group + blocks * (cb + 32));
    const __m256i ones8 = _mm256_set1_epi8(1);
    const __m256i ones16 = _mm256_set1_epi16(1);
    for (std::int64_t b = 0; b < blocks; ++b) {
        __m256i rows[8], regs[8];
        for (int i = 0; i < 8; ++i) {
            if (i < n_rows) {
                const auto& block = reinterpret_cast<const typename Codes::Block*>(w + static_cast<std::size_t>(i) * row_bytes)[b];
                rows[i] = Codes::codes(block);
                scales[8 * b + i] = Codes::scale(block);
            } else {
                rows[i] = _mm256_setzero_si256();
                scales[8 * b + i] = 0.0f;
            }
        }
        transpose8(rows, regs);
        __m256i level_sum = _mm256_setzero_si256(); // int16 pairs per row lane, |.| <= 8 * 2 * 128
        for (int k = 0; k < 8; ++k) {
            level_sum = _mm256_add_epi16(level_sum, _mm256_maddubs_epi16(ones8, regs[k]));
            auto* out = reinterpret_cast<__m256i*>(codes + cb * b + 32 * k);
            if constexpr (Codes::split) {
                // level = 16 hi + lo: lo the low nibble (0..15), hi the high one read signed (-8..7).
                const __m256i nibble = _mm256_set1_epi8(0x0f);
                const __m256i high = _mm256_and_si256(_mm256_srli_epi16(regs[k], 4), nibble);
                _mm256_store_si256(out, _mm256_and_si256(regs[k], nibble));
                _mm256_store_si256(out + 8, _mm256_sub_epi8(_mm256_xor_si256(high, _mm256_set1_epi8(8)), _mm256_set1_epi8(8)));
            } else {
                _mm256_store_si256(out, regs[k]);
            }
        }
        _mm256_storeu_si256(reinterpret_cast<__m256i*>(sums + 8 * b),
                            _mm256_slli_epi32(_mm256_madd_epi16(level_sum, ones16), 7));
    }
}

CONCLAVE_AVX2 inline __m256i broadcast4(const std::uint8_t* a) {
    std::int32_t four;
    std::memcpy(&four, a, 4);
    return _mm256_set1_epi32(four);
}

// Σ over four registers of the biased activation bytes times one row's codes, per row lane.
CONCLAVE_AVX2 inline __m256i four_products(const std::uint8_t* a, const unsigned char* w) {
    __m256i s16 = _mm256_setzero_si256();
#pragma GCC unroll 4
    for (int k = 0; k < 4; ++k)
        s16 = _mm256_add_epi16(s16, _mm256_maddubs_epi16(broadcast4(a + 4 * k),
                                                         _mm256_load_si256(reinterpret_cast<const __m256i*>(w + 32 * k))));
    return s16;
}

// Eight rows x C tokens over blocks [b0, b1): acc[c] (eight rows' sums) in and out.
template <typename Codes, int C>
CONCLAVE_AVX2 inline void tile(const unsigned char* group, std::int64_t blocks, std::int64_t b0, std::int64_t b1,
                               const std::uint8_t* const* q, const float* const* d, __m256* acc) {
    constexpr std::int64_t cb = code_bytes<Codes>;
    const auto* sums = reinterpret_cast<const std::int32_t*>(group + blocks * cb);
    const auto* scales = reinterpret_cast<const float*>(group + blocks * (cb + 32));
    const __m256i ones16 = _mm256_set1_epi16(1), sixteens16 = _mm256_set1_epi16(16);
    for (std::int64_t b = b0; b < b1; ++b) {
        const unsigned char* wb = group + cb * b;
        __m256i isum[C];
#pragma GCC unroll 2
        for (int h = 0; h < 2; ++h) {
#pragma GCC unroll 4
            for (int c = 0; c < C; ++c) {
                const std::uint8_t* a = q[c] + 32 * b + 16 * h;
                __m256i s32 = _mm256_madd_epi16(four_products(a, wb + 128 * h), ones16);
                if constexpr (Codes::split)
                    s32 = _mm256_add_epi32(s32, _mm256_madd_epi16(four_products(a, wb + 256 + 128 * h), sixteens16));
                isum[c] = h == 0 ? s32 : _mm256_add_epi32(isum[c], s32);
            }
        }
        const __m256i correction = _mm256_load_si256(reinterpret_cast<const __m256i*>(sums + 8 * b));
        const __m256 dw = _mm256_load_ps(scales + 8 * b);
#pragma GCC unroll 4
        for (int c = 0; c < C; ++c) {
            const __m256 dot = _mm256_cvtepi32_ps(_mm256_sub_epi32(isum[c], correction));
            acc[c] = _mm256_fmadd_ps(dot, _mm256_mul_ps(dw, _mm256_broadcast_ss(d[c] + b)), acc[c]);
        }
    }
}

CONCLAVE_AVX2 inline void store_rows(float* out, const __m256 v, int n_rows) {
    if (n_rows == 8) {
        _mm256_storeu_ps(out, v);
        return;
    }
    alignas(32) float tmp[8];
    _mm256_store_ps(tmp, v);
    std::memcpy(out, tmp, static_cast<std::size_t>(n_rows) * sizeof(float));
}

template <typename Codes, int C>
CONCLAVE_AVX2 inline void slice(const GemmGroupSweep& s, std::int64_t t, std::int64_t b0, std::int64_t b1, __m256* partial) {
    const GemmPanelLayout& l = *s.layout;
    const std::uint8_t* q[C];
    const float* d[C];
    __m256 acc[C];
#pragma GCC unroll 4
    for (int c = 0; c < C; ++c) {
        q[c] = s.act[static_cast<std::size_t>(t + c)];
        d[c] = reinterpret_cast<const float*>(s.act[static_cast<std::size_t>(t + c)] + l.d_offset);
        acc[c] = b0 == 0 ? _mm256_setzero_ps() : partial[c];
    }
    const std::int64_t blocks = l.n / 32;
    tile<Codes, C>(s.group, blocks, b0, b1, q, d, acc);
#pragma GCC unroll 4
    for (int c = 0; c < C; ++c) {
        if (b1 == blocks) store_rows(s.out[static_cast<std::size_t>(t + c)] + s.row0, acc[c], s.n_rows);
        else partial[c] = acc[c];
    }
}

// Tokens in blocks of 16 and blocks in slices of 6 KiB of the group's codes (24 blocks, 12
// split), which stay in L1 with the 16 tokens' codes of the slice while four tiles of four
// tokens pass over them; the eight rows' sums of those 16 tokens wait in `partial` between
// slices.
template <typename Codes>
CONCLAVE_AVX2 void sweep(const GemmGroupSweep& s) {
    constexpr std::int64_t token_block = 16, slice_blocks = 6144 / code_bytes<Codes>;
    const std::int64_t blocks = s.layout->n / 32;
    const auto n_tokens = static_cast<std::int64_t>(s.act.size());
    __m256 partial[token_block];
    for (std::int64_t t0 = 0; t0 < n_tokens; t0 += token_block) {
        const std::int64_t t1 = std::min(n_tokens, t0 + token_block);
        for (std::int64_t b0 = 0; b0 < blocks; b0 += slice_blocks) {
            const std::int64_t b1 = std::min(blocks, b0 + slice_blocks);
            for (std::int64_t t = t0; t < t1; t += 4) {
                __m256* p = partial + (t - t0);
                switch (std::min<std::int64_t>(4, t1 - t)) {
                case 4: slice<Codes, 4>(s, t, b0, b1, p); break;
                case 3: slice<Codes, 3>(s, t, b0, b1, p); break;
                case 2: slice<Codes, 2>(s, t, b0, b1, p); break;
                default: slice<Codes, 1>(s, t, b0, b1, p); break;
                }
            }
        }
    }
}

// A one-row kernel with this group kernel added.
constexpr GemmKernel with_group(GemmKernel k, const GemmGroupKernel* group) {
    k.group = group;
    return k;
}

template <typename Codes> constexpr GemmGroupKernel group_kernel_for() {
    return GemmGroupKernel{group_bytes<Codes>, prep_group<Codes>, sweep<Codes>};
}

} // namespace conclave::cpu::gemm_rows8
