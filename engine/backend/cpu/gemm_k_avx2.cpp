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

CONCLAVE_AVX2 inline __m256i load32(const void* p) { return _mm256_loadu_si256(static_cast<const __m256i*>(p)); }

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
    // Run j (elements 32j..32j+31): the low nibbles of 32-byte chunk j/2 for even j, the high
    // nibbles for odd j.
    CONCLAVE_AVX2 static __m256i codes(const Block& b, int j) {
        const __m256i q = load32(b.qs + 32 * (j / 2));
        return _mm256_and_si256(j % 2 ? _mm256_srli_epi16(q, 4) : q, _mm256_set1_epi8(0x0f));
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
    // Run j: half h = j / 4 and k = j % 4 of it; low bits from ql (bytes 0-31 or 32-63 of the
    // half, low or high nibble), two high bits from qh at bit 2k.
    CONCLAVE_AVX2 static __m256i codes(const Block& b, int j) {
        const int h = j / 4, k = j % 4;
        const __m256i ql = load32(b.ql + 64 * h + 32 * (k % 2));
        const __m256i low = _mm256_and_si256(k >= 2 ? _mm256_srli_epi16(ql, 4) : ql, _mm256_set1_epi8(0x0f));
        const __m256i qh = load32(b.qh + 32 * h);
        const __m256i high = _mm256_and_si256(_mm256_srli_epi16(qh, 2 * k), _mm256_set1_epi8(0x03));
        return _mm256_or_si256(low, _mm256_slli_epi16(high, 4));
    }
};

template <typename Codes>
void prep_row(const void* w, std::int64_t n, const GemmRowPrep& prep) {
    const auto* x = static_cast<const typename Codes::Block*>(w);
    for (std::int64_t b = 0; b < n / qk; ++b) Codes::prep(x[b], prep.d[b], prep.o + 16 * b, prep.s + 128 * b);
}

template <typename Codes, int C>
CONCLAVE_AVX2 void tile(const GemmTile& t) {
    const auto* x = static_cast<const typename Codes::Block*>(t.w);
    const GemmPanelLayout& l = *t.layout;
    const std::int8_t* q[C];
    const float* d[C];
    const float* o[C];
    __m256 acc[C];
    for (int c = 0; c < C; ++c) {
        q[c] = reinterpret_cast<const std::int8_t*>(t.act[c]);
        d[c] = reinterpret_cast<const float*>(t.act[c] + l.d_offset);
        o[c] = reinterpret_cast<const float*>(t.act[c] + l.o_offset);
        acc[c] = _mm256_setzero_ps();
    }
    for (std::int64_t b = 0; b < l.n / qk; ++b) {
        __m256i sum[C];
        for (int c = 0; c < C; ++c) sum[c] = _mm256_setzero_si256();
        for (int j = 0; j < 8; ++j) {
            const __m256i codes = Codes::codes(x[b], j);
            const __m256i scales = load32(t.prep.s + 128 * b + 16 * j);
            for (int c = 0; c < C; ++c) {
                const __m256i p = _mm256_maddubs_epi16(codes, load32(q[c] + qk * b + 32 * j));
                sum[c] = _mm256_add_epi32(sum[c], _mm256_madd_epi16(p, scales));
            }
        }
        const __m256 wd = _mm256_broadcast_ss(t.prep.d + b);
        const __m256 wo0 = _mm256_loadu_ps(t.prep.o + 16 * b), wo1 = _mm256_loadu_ps(t.prep.o + 16 * b + 8);
        for (int c = 0; c < C; ++c) {
            const __m256 scale = _mm256_mul_ps(wd, _mm256_broadcast_ss(d[c] + b));
            acc[c] = _mm256_fmadd_ps(_mm256_cvtepi32_ps(sum[c]), scale, acc[c]);
            acc[c] = _mm256_fmadd_ps(wo0, _mm256_loadu_ps(o[c] + 16 * b), acc[c]);
            acc[c] = _mm256_fmadd_ps(wo1, _mm256_loadu_ps(o[c] + 16 * b + 8), acc[c]);
        }
    }
    for (int c = 0; c < C; ++c) t.out[c][t.row] = hsum256(acc[c]);
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
