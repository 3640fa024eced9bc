// GEMM micro-kernels for Q4_K and Q6_K weights with Q8_K activations on AVX2. One weight row
// against up to four tokens: each run of 32 codes is expanded once and multiplied with every
// token's bytes (maddubs), weighted by its sub-block scales in int16 (madd, scales prepared
// per row as 16 lanes), summed in int32 per super-block, then scaled by d_w * d_a into a
// float accumulator per token. Q4_K's minimum and Q6_K's -32 go through the offset sums per
// 16 elements (gemm.h).

#include "backend/cpu/gemm.h"

#if defined(__x86_64__)
#include "backend/cpu/avx2_util.h"
#include "quant/blocks_k.h"
#include "quant/half.h"
#include "quant/k_scales.h"

#include <immintrin.h>
#include <utility>

namespace conclave::cpu {
namespace {

constexpr int qk = quant::qk_k;

// Two runs of 32 codes (elements 32 r[0].., 32 r[1]..) unpacked from one super-block;
// which two share their loads depends on the format's bit layout.
struct RunPair {
    __m256i codes[2];
    int run[2];
};

struct Q4_KCodes {
    using Block = quant::BlockQ4_K;
    static void prep(const Block& b, float& d, float* o, std::int16_t* s) {
        d = quant::fp16_to_fp32(b.d);
        const float dmin = quant::fp16_to_fp32(b.dmin);
        for (int j = 0; j < 8; ++j) {
            int scale = 0, min = 0;
            quant::unpack_scale_min_k4(b.scales, j, scale, min);
            o[2 * j] = o[2 * j + 1] = -dmin * static_cast<float>(min);
            for (int i = 0; i < 16; ++i) s[16 * j + i] = static_cast<std::int16_t>(scale);
        }
    }
    // Pair p: 32-byte chunk p of qs, low nibbles = run 2p, high nibbles = run 2p + 1.
    CONCLAVE_AVX2 static RunPair pair(const Block& b, int p) {
        const __m256i q = load32(b.qs + 32 * p);
        const __m256i mask = _mm256_set1_epi8(0x0f);
        return {{_mm256_and_si256(q, mask), _mm256_and_si256(_mm256_srli_epi16(q, 4), mask)}, {2 * p, 2 * p + 1}};
    }
};

struct Q6_KCodes {
    using Block = quant::BlockQ6_K;
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

template <typename Codes>
void prep_row(const void* w, std::int64_t n, const GemmRowPrep& prep) {
    const auto* x = static_cast<const typename Codes::Block*>(w);
    for (std::int64_t b = 0; b < n / qk; ++b) Codes::prep(x[b], prep.d[b], prep.o + 16 * b, prep.s + 128 * b);
}

// Sums of four float vectors in one: lane c = Σ v[c].
CONCLAVE_AVX2 inline __m128 hsum4(__m256 v0, __m256 v1, __m256 v2, __m256 v3) {
    const __m256 h = _mm256_hadd_ps(_mm256_hadd_ps(v0, v1), _mm256_hadd_ps(v2, v3));
    return _mm_add_ps(_mm256_castps256_ps128(h), _mm256_extractf128_ps(h, 1));
}

// [n] weight row x C token records -> C outputs. Per super-block, each pair of runs is
// unpacked once into registers and used by all C tokens; the int32 sums and float
// accumulators of the C tokens stay in registers (2C + 4 of the 16).
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
        // Not unrolled: GCC would interleave the pairs and spill the accumulators.
#pragma GCC unroll 1
        for (int p = 0; p < 4; ++p) {
            const RunPair r = Codes::pair(x[b], p);
            const __m256i s0 = load32(s + 16 * r.run[0]), s1 = load32(s + 16 * r.run[1]);
    #pragma GCC unroll 8
        for (int c = 0; c < C; ++c) {
                const std::int8_t* a = q[c] + qk * b;
                const __m256i p0 = _mm256_madd_epi16(_mm256_maddubs_epi16(r.codes[0], load32(a + 32 * r.run[0])), s0);
                const __m256i p1 = _mm256_madd_epi16(_mm256_maddubs_epi16(r.codes[1], load32(a + 32 * r.run[1])), s1);
                sum[c] = _mm256_add_epi32(sum[c], _mm256_add_epi32(p0, p1));
            }
        }
        const __m256 wd = _mm256_broadcast_ss(t.prep.d + b);
        const __m256 wo0 = _mm256_loadu_ps(t.prep.o + 16 * b), wo1 = _mm256_loadu_ps(t.prep.o + 16 * b + 8);
#pragma GCC unroll 8
        for (int c = 0; c < C; ++c) {
            const __m256 scale = _mm256_mul_ps(wd, _mm256_broadcast_ss(d[c] + b));
            acc[c] = _mm256_fmadd_ps(_mm256_cvtepi32_ps(sum[c]), scale, acc[c]);
            acc[c] = _mm256_fmadd_ps(wo0, _mm256_loadu_ps(o[c] + 16 * b), acc[c]);
            acc[c] = _mm256_fmadd_ps(wo1, _mm256_loadu_ps(o[c] + 16 * b + 8), acc[c]);
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

constexpr auto tokens = std::make_index_sequence<4>{};
const GemmKernel q4_k = make_kernel<Q4_KCodes>(tokens);
const GemmKernel q6_k = make_kernel<Q6_KCodes>(tokens);

} // namespace

const GemmKernel* gemm_kernel_k_avx2(quant::TensorType weight) {
    using T = quant::TensorType;
    switch (weight) {
    case T::Q4_K: return &q4_k;
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
