// AVX2 matrix-vector kernels that take four weight rows at once against one token's
// activations, for the 4-bit formats whose codes are small unsigned bytes: MXFP4 (E2M1
// doubled, -12..12, taken as code + 12), Q4_0 (nibble, offset 8) against Q8_0 activations, and
// Q4_1 (nibble plus a per-block minimum) against Q8_1. maddubs takes the unsigned codes
// directly, without the two sign instructions a signed code needs; an offset comes back as
// offset x (sum of the block's activation codes), and that sum, like the activation loads, their
// regrouping and their scales, is computed once for the four rows. Blocks go two to a
// register as in dot_blocks4_avx2.h, four blocks per step.

#include "backend/cpu/quant_dot.h"

#if defined(__x86_64__)
#include "backend/cpu/avx2_util.h"
#include "backend/cpu/dot_blocks4_avx2.h"
#include "quant/blocks_legacy.h"
#include "quant/blocks_mxfp4.h"
#include "quant/half.h"
#include "quant/iq_grids.h"

#include <immintrin.h>

namespace conclave::cpu {
namespace {

// E8M0 exponents halved (the table holds E2M1 doubled), looked up.
struct E8m0Half {
    float value[256];
    E8m0Half() {
        for (int e = 0; e < 256; ++e) value[e] = quant::e8m0_to_fp32_half(static_cast<std::uint8_t>(e));
    }
};
const E8m0Half e8m0_half;

// kvalues_mxfp4 + 12: every code as an unsigned byte 0..24.
struct Mxfp4Unsigned {
    std::int8_t value[16];
    Mxfp4Unsigned() {
        for (int i = 0; i < 16; ++i) value[i] = static_cast<std::int8_t>(quant::kvalues_mxfp4[i] + 12);
    }
};
const Mxfp4Unsigned mxfp4_unsigned;

struct Mxfp4Offset {
    using Block = quant::BlockMXFP4;
    using Act = quant::BlockQ8_0;
    static constexpr int offset = 12;
    static constexpr bool has_min = false;
    CONCLAVE_AVX2 static __m256i table() {
        return _mm256_broadcastsi128_si256(_mm_loadu_si128(reinterpret_cast<const __m128i*>(mxfp4_unsigned.value)));
    }
    CONCLAVE_AVX2 static __m256i codes(__m256i table, __m256i nibbles) { return _mm256_shuffle_epi8(table, nibbles); }
    CONCLAVE_AVX2 static float scale(const Block& b) { return e8m0_half.value[b.e]; }
    CONCLAVE_AVX2 static __m128 scales4(const Block* b) {
        return _mm_setr_ps(scale(b[0]), scale(b[1]), scale(b[2]), scale(b[3]));
    }
};

struct Q4_0Offset {
    using Block = quant::BlockQ4_0;
    using Act = quant::BlockQ8_0;
    static constexpr int offset = 8;
    static constexpr bool has_min = false;
    CONCLAVE_AVX2 static __m256i table() { return _mm256_setzero_si256(); }
    CONCLAVE_AVX2 static __m256i codes(__m256i, __m256i nibbles) { return nibbles; }
    CONCLAVE_AVX2 static float scale(const Block& b) { return _cvtsh_ss(b.d); }
    CONCLAVE_AVX2 static __m128 scales4(const Block* b) { return four_halves(&b->d, sizeof(Block)); }
};

// x = d * nibble + m; the minimum meets the activation's s = d_a * sum(codes).
struct Q4_1Min {
    using Block = quant::BlockQ4_1;
    using Act = quant::BlockQ8_1;
    static constexpr int offset = 0;
    static constexpr bool has_min = true;
    CONCLAVE_AVX2 static __m256i table() { return _mm256_setzero_si256(); }
    CONCLAVE_AVX2 static __m256i codes(__m256i, __m256i nibbles) { return nibbles; }
    CONCLAVE_AVX2 static float scale(const Block& b) { return _cvtsh_ss(b.d); }
    CONCLAVE_AVX2 static __m128 scales4(const Block* b) { return four_halves(&b->d, sizeof(Block)); }
    CONCLAVE_AVX2 static float min(const Block& b) { return _cvtsh_ss(b.m); }
    CONCLAVE_AVX2 static __m128 mins4(const Block* b) { return four_halves(&b->m, sizeof(Block)); }
};

// The activation's s (d_a times its code sum), where the format has one.
template <typename Act> CONCLAVE_AVX2 float act_sum(const Act& y) {
    if constexpr (requires { y.s; })
        return _cvtsh_ss(y.s);
    else
        return 0.0f;
}
template <typename Act> CONCLAVE_AVX2 __m128 act_sums4(const Act* y) {
    if constexpr (requires { y->s; })
        return four_halves(&y->s, sizeof(Act));
    else
        return _mm_setzero_ps();
}

// One block of one row (the row's last n/32 mod 4 blocks): unsigned codes times the
// activations, minus the offset times their sum, plus the minimum term.
template <typename Format>
CONCLAVE_AVX2 __m256 tail_block(const typename Format::Block& x, const typename Format::Act& y, __m256i table, __m256 acc) {
    const __m256i codes = Format::codes(table, spread_nibbles(x.qs));
    const __m256i act = load32(y.qs);
    __m256i sums = dot_us(codes, act);
    if constexpr (Format::offset != 0)
        sums = _mm256_sub_epi32(sums, _mm256_mullo_epi32(dot_us(_mm256_set1_epi8(1), act), _mm256_set1_epi32(Format::offset)));
    const __m256 d = _mm256_set1_ps(Format::scale(x) * _cvtsh_ss(y.d));
    acc = _mm256_fmadd_ps(d, _mm256_cvtepi32_ps(sums), acc);
    if constexpr (Format::has_min)
        acc = _mm256_add_ps(acc, _mm256_setr_ps(Format::min(x) * act_sum(y), 0, 0, 0, 0, 0, 0, 0));
    return acc;
}

template <typename Format>
CONCLAVE_AVX2 void dot_offset_rows4(const void* w, std::size_t w_stride, const void* a, std::int64_t n, float* out) {
    using Block = typename Format::Block;
    const Block* x[4];
    for (int r = 0; r < 4; ++r) x[r] = reinterpret_cast<const Block*>(static_cast<const unsigned char*>(w) + r * w_stride);
    const auto* y = static_cast<const typename Format::Act*>(a);
    const std::int64_t blocks = n / quant::qk_legacy;
    const __m256i table = Format::table();
    const __m256i low4 = _mm256_set1_epi8(0x0f), ones8 = _mm256_set1_epi8(1), ones16 = _mm256_set1_epi16(1);
    const __m256i pair_order = _mm256_setr_epi32(0, 0, 2, 2, 1, 1, 3, 3);
    __m256 acc[4] = {_mm256_setzero_ps(), _mm256_setzero_ps(), _mm256_setzero_ps(), _mm256_setzero_ps()};
    __m128 acc_min[4] = {_mm_setzero_ps(), _mm_setzero_ps(), _mm_setzero_ps(), _mm_setzero_ps()};
    std::int64_t b = 0;
    for (; b + 4 <= blocks; b += 4) {
        // The token's side, shared by the rows: blocks b, b+1 (pair 0) and b+2, b+3 (pair 1)
        // regrouped as elements 0-15 of both blocks and elements 16-31 of both blocks, and the
        // offset times each block's code sum, in the lane order of the rows' sums below.
        __m256i a_lo[2], a_hi[2], a_sum[2];
        for (int p = 0; p < 2; ++p) {
            const __m256i first = load32(y[b + 2 * p].qs), second = load32(y[b + 2 * p + 1].qs);
            a_lo[p] = _mm256_permute2x128_si256(first, second, 0x20);
            a_hi[p] = _mm256_permute2x128_si256(first, second, 0x31);
            if constexpr (Format::offset != 0)
                a_sum[p] = _mm256_madd_epi16(_mm256_add_epi16(_mm256_maddubs_epi16(ones8, a_lo[p]), _mm256_maddubs_epi16(ones8, a_hi[p])), ones16);
        }
        __m256i correction = _mm256_setzero_si256();
        if constexpr (Format::offset != 0)
            correction = _mm256_mullo_epi32(_mm256_hadd_epi32(a_sum[0], a_sum[1]), _mm256_set1_epi32(Format::offset));
        const __m128 a_scales = four_halves(&y[b].d, sizeof(typename Format::Act));
        const __m128 a_sums = act_sums4(y + b);
        for (int r = 0; r < 4; ++r) {
            __m256i pair_sums[2];
            for (int p = 0; p < 2; ++p) {
                const __m256i packed = _mm256_inserti128_si256(
                    _mm256_castsi128_si256(_mm_loadu_si128(reinterpret_cast<const __m128i*>(x[r][b + 2 * p].qs))),
                    _mm_loadu_si128(reinterpret_cast<const __m128i*>(x[r][b + 2 * p + 1].qs)), 1);
                const __m256i u_lo = Format::codes(table, _mm256_and_si256(packed, low4));
                const __m256i u_hi = Format::codes(table, _mm256_and_si256(_mm256_srli_epi16(packed, 4), low4));
                // u <= 24: each maddubs lane is at most 2 x 24 x 127, so the two add in int16.
                static_assert(Format::offset <= 12);
                pair_sums[p] = _mm256_madd_epi16(
                    _mm256_add_epi16(_mm256_maddubs_epi16(u_lo, a_lo[p]), _mm256_maddubs_epi16(u_hi, a_hi[p])), ones16);
            }
            // Lanes: block b, b, b+2, b+2 | b+1, b+1, b+3, b+3 (each block's sum split in two).
            const __m256i sums = _mm256_sub_epi32(_mm256_hadd_epi32(pair_sums[0], pair_sums[1]), correction);
            const __m128 d = _mm_mul_ps(Format::scales4(x[r] + b), a_scales);
            acc[r] = _mm256_fmadd_ps(_mm256_permutevar8x32_ps(_mm256_castps128_ps256(d), pair_order),
                                     _mm256_cvtepi32_ps(sums), acc[r]);
            if constexpr (Format::has_min) acc_min[r] = _mm_fmadd_ps(Format::mins4(x[r] + b), a_sums, acc_min[r]);
        }
    }
    for (; b < blocks; ++b)
        for (int r = 0; r < 4; ++r) acc[r] = tail_block<Format>(x[r][b], y[b], table, acc[r]);
    for (int r = 0; r < 4; ++r) {
        float total = hsum256(acc[r]);
        if constexpr (Format::has_min) {
            const __m128 pairs = _mm_add_ps(acc_min[r], _mm_movehl_ps(acc_min[r], acc_min[r]));
            total += _mm_cvtss_f32(_mm_add_ss(pairs, _mm_movehdup_ps(pairs)));
        }
        out[r] = total;
    }
}

} // namespace

QuantDotRows4Fn quant_dot_rows4_avx2(quant::TensorType weight) {
    using T = quant::TensorType;
    switch (weight) {
    case T::MXFP4: return dot_offset_rows4<Mxfp4Offset>;
    case T::Q4_0: return dot_offset_rows4<Q4_0Offset>;
    case T::Q4_1: return dot_offset_rows4<Q4_1Min>;
    default: return nullptr;
    }
}

} // namespace conclave::cpu

#else

namespace conclave::cpu {
QuantDotRows4Fn quant_dot_rows4_avx2(quant::TensorType) { return nullptr; }
} // namespace conclave::cpu

#endif
