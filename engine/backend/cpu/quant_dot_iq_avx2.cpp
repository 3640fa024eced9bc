// AVX2 integer dot products of the 4-bit table formats: IQ4_NL and MXFP4 (blocks of 32, Q8_0
// activations) and IQ4_XS (super-blocks of 256, Q8_K). A block's 16 bytes of nibbles are
// spread to 32 indexes in element order and looked up with one pshufb in the 16-entry table
// (kvalues_iq4nl, or kvalues_mxfp4 holding E2M1 doubled); the signed values (|v| <= 127)
// meet the signed activations through the sign trick of dot_ss. Each kernel takes T
// activation rows `a_stride` bytes apart (T = 1 for generation, 4 for prompts) and expands
// each block once for all of them.

#include "backend/cpu/quant_dot.h"

#if defined(__x86_64__)
#include "backend/cpu/avx2_util.h"
#include "backend/cpu/dot_blocks4_avx2.h"
#include "quant/blocks_iq.h"
#include "quant/blocks_legacy.h"
#include "quant/blocks_mxfp4.h"
#include "quant/half.h"
#include "quant/iq_grids.h"

#include <immintrin.h>

namespace conclave::cpu {
namespace {

CONCLAVE_AVX2 inline __m256i load_table(const std::int8_t* table) {
    return _mm256_broadcastsi128_si256(_mm_loadu_si128(reinterpret_cast<const __m128i*>(table)));
}

// The 32 signed table values of a block of nibbles.
CONCLAVE_AVX2 inline __m256i table_values(__m256i table, const std::uint8_t* qs) {
    return _mm256_shuffle_epi8(table, spread_nibbles(qs));
}

template <typename Act, int T>
CONCLAVE_AVX2 void rows_of(const void* a, std::size_t a_stride, const Act* (&y)[T]) {
    for (int t = 0; t < T; ++t)
        y[t] = reinterpret_cast<const Act*>(static_cast<const unsigned char*>(a) + t * a_stride);
}

struct Iq4NlFormat {
    using Block = quant::BlockIQ4_NL;
    static const std::int8_t* table() { return quant::kvalues_iq4nl; }
    CONCLAVE_AVX2 static float scale(const Block& b) { return _cvtsh_ss(b.d); }
    CONCLAVE_AVX2 static __m128 scales4(const Block* b) { return four_halves(&b->d, sizeof(Block)); }
    CONCLAVE_AVX2 static __m256i values(__m256i nibbles) { return _mm256_shuffle_epi8(load_table(table()), nibbles); }
    static constexpr bool small_codes = false;
};

// MXFP4's E8M0 exponent, halved because the table holds E2M1 doubled (see quant/half.h).
// All 256 of them, looked up: cheaper per block than building the float.
struct E8m0HalfTable {
    float value[256];
    E8m0HalfTable() {
        for (int e = 0; e < 256; ++e) value[e] = quant::e8m0_to_fp32_half(static_cast<std::uint8_t>(e));
    }
};
const E8m0HalfTable e8m0_half;

struct Mxfp4Format {
    using Block = quant::BlockMXFP4;
    static const std::int8_t* table() { return quant::kvalues_mxfp4; }
    CONCLAVE_AVX2 static float scale(const Block& b) { return e8m0_half.value[b.e]; }
    CONCLAVE_AVX2 static __m128 scales4(const Block* b) {
        return _mm_setr_ps(scale(b[0]), scale(b[1]), scale(b[2]), scale(b[3]));
    }
    CONCLAVE_AVX2 static __m256i values(__m256i nibbles) { return _mm256_shuffle_epi8(load_table(table()), nibbles); }
    static constexpr bool small_codes = true; // E2M1 doubled: |code| <= 12
};

template <typename Format, int T>
CONCLAVE_AVX2 void dot_table32_rows(const void* w, const void* a, std::size_t a_stride,
                                    std::int64_t n, float* out) {
    const auto* x = static_cast<const typename Format::Block*>(w);
    const quant::BlockQ8_0* y[T];
    rows_of<quant::BlockQ8_0, T>(a, a_stride, y);
    const __m256i table = load_table(Format::table());
    __m256 acc[T];
    for (int t = 0; t < T; ++t) acc[t] = _mm256_setzero_ps();
    for (std::int64_t b = 0; b < n / 32; ++b) {
        const __m256i values = table_values(table, x[b].qs);
        const __m256i magnitude = _mm256_sign_epi8(values, values);
        const float wd = Format::scale(x[b]);
        for (int t = 0; t < T; ++t) {
            const __m256i act = _mm256_sign_epi8(load32(y[t][b].qs), values);
            const __m256 d = _mm256_set1_ps(wd * _cvtsh_ss(y[t][b].d));
            acc[t] = _mm256_fmadd_ps(d, _mm256_cvtepi32_ps(dot_us(magnitude, act)), acc[t]);
        }
    }
    for (int t = 0; t < T; ++t) out[t] = hsum256(acc[t]);
}

// IQ4_XS: sub-block ib (elements 32ib..32ib+31) has a 6-bit scale minus 32 (low nibble in
// scales_l, top two bits in scales_h); madd applies it to the int16 pair sums.
template <int T>
CONCLAVE_AVX2 void dot_iq4_xs_rows(const void* w, const void* a, std::size_t a_stride,
                                   std::int64_t n, float* out) {
    const auto* x = static_cast<const quant::BlockIQ4_XS*>(w);
    const quant::BlockQ8_K* y[T];
    rows_of<quant::BlockQ8_K, T>(a, a_stride, y);
    const __m256i table = load_table(quant::kvalues_iq4nl);
    __m256 acc[T];
    for (int t = 0; t < T; ++t) acc[t] = _mm256_setzero_ps();
    for (std::int64_t b = 0; b < n / quant::qk_k; ++b) {
        __m256i sumi[T];
        for (int t = 0; t < T; ++t) sumi[t] = _mm256_setzero_si256();
        for (int ib = 0; ib < quant::qk_k / 32; ++ib) {
            const int low = (x[b].scales_l[ib / 2] >> (4 * (ib % 2))) & 0x0f;
            const int high = (x[b].scales_h >> (2 * ib)) & 3;
            const __m256i scale = _mm256_set1_epi16(static_cast<short>((low | (high << 4)) - 32));
            const __m256i values = table_values(table, x[b].qs + 16 * ib);
            const __m256i magnitude = _mm256_sign_epi8(values, values);
            for (int t = 0; t < T; ++t) {
                const __m256i act = _mm256_sign_epi8(load32(y[t][b].qs + 32 * ib), values);
                const __m256i p = _mm256_maddubs_epi16(magnitude, act);
                sumi[t] = _mm256_add_epi32(sumi[t], _mm256_madd_epi16(p, scale));
            }
        }
        const float wd = _cvtsh_ss(x[b].d);
        for (int t = 0; t < T; ++t)
            acc[t] = _mm256_fmadd_ps(_mm256_set1_ps(wd * y[t][b].d), _mm256_cvtepi32_ps(sumi[t]),
                                     acc[t]);
    }
    for (int t = 0; t < T; ++t) out[t] = hsum256(acc[t]);
}

CONCLAVE_AVX2 float dot_iq4_xs(const void* w, const void* a, std::int64_t n) {
    float out;
    dot_iq4_xs_rows<1>(w, a, 0, n, &out);
    return out;
}

} // namespace

QuantDotFn quant_dot_iq_avx2(quant::TensorType weight) {
    using T = quant::TensorType;
    switch (weight) {
    case T::IQ4_NL:
        return dot_nibble_blocks<Iq4NlFormat>;
    case T::IQ4_XS:
        return dot_iq4_xs;
    case T::MXFP4:
        return dot_nibble_blocks<Mxfp4Format>;
    default:
        return nullptr;
    }
}

QuantDotX4Fn quant_dot_x4_iq_avx2(quant::TensorType weight) {
    using T = quant::TensorType;
    switch (weight) {
    case T::IQ4_NL:
        return dot_table32_rows<Iq4NlFormat, 4>;
    case T::IQ4_XS:
        return dot_iq4_xs_rows<4>;
    case T::MXFP4:
        return dot_table32_rows<Mxfp4Format, 4>;
    default:
        return nullptr;
    }
}

} // namespace conclave::cpu

#else

namespace conclave::cpu {
QuantDotFn quant_dot_iq_avx2(quant::TensorType) {
    return nullptr;
}
QuantDotX4Fn quant_dot_x4_iq_avx2(quant::TensorType) {
    return nullptr;
}
} // namespace conclave::cpu

#endif
