// AVX2 integer dot products. Each 32-code block becomes 32 bytes in a register (nibbles
// spread low half / high half to line up with activations j and j + 16), is multiplied
// with the activation bytes by maddubs (unsigned x signed -> int16 pairs) and widened to
// eight int32 lanes; the block's float scale then multiplies those lanes into eight float
// accumulators, summed once at the end of the row.

#include "backend/cpu/quant_dot.h"

#if defined(__x86_64__)
#include "quant/blocks_legacy.h"
#include "quant/half.h"

#include <immintrin.h>

namespace conclave::cpu {
namespace {

constexpr int qk = quant::qk_legacy;
#define CONCLAVE_AVX2 __attribute__((target("avx2,fma,f16c")))

CONCLAVE_AVX2 inline float scale_of(std::uint16_t h) { return _cvtsh_ss(h); }

CONCLAVE_AVX2 inline float hsum(__m256 v) {
    const __m128 lo = _mm_add_ps(_mm256_castps256_ps128(v), _mm256_extractf128_ps(v, 1));
    const __m128 pairs = _mm_add_ps(lo, _mm_movehl_ps(lo, lo));
    return _mm_cvtss_f32(_mm_add_ss(pairs, _mm_movehdup_ps(pairs)));
}

// 16 bytes of nibbles -> 32 bytes: low nibbles first, then high nibbles.
CONCLAVE_AVX2 inline __m256i spread_nibbles(const std::uint8_t* qs) {
    const __m128i packed = _mm_loadu_si128(reinterpret_cast<const __m128i*>(qs));
    const __m256i both = _mm256_set_m128i(_mm_srli_epi16(packed, 4), packed);
    return _mm256_and_si256(both, _mm256_set1_epi8(0x0f));
}

// Eight int32 sums of unsigned bytes u times signed bytes s.
CONCLAVE_AVX2 inline __m256i dot_us(__m256i u, __m256i s) {
    return _mm256_madd_epi16(_mm256_maddubs_epi16(u, s), _mm256_set1_epi16(1));
}

// Signed x signed: move the sign of x onto y so maddubs sees |x| (unsigned) times y*sign(x).
CONCLAVE_AVX2 inline __m256i dot_ss(__m256i x, __m256i y) {
    return dot_us(_mm256_sign_epi8(x, x), _mm256_sign_epi8(y, x));
}

CONCLAVE_AVX2 float dot_q4_0(const void* w, const void* a, std::int64_t n) {
    const auto* x = static_cast<const quant::BlockQ4_0*>(w);
    const auto* y = static_cast<const quant::BlockQ8_0*>(a);
    __m256 acc = _mm256_setzero_ps();
    for (std::int64_t b = 0; b < n / qk; ++b) {
        const __m256i codes = _mm256_sub_epi8(spread_nibbles(x[b].qs), _mm256_set1_epi8(8));
        const __m256i act = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(y[b].qs));
        const __m256 d = _mm256_set1_ps(scale_of(x[b].d) * scale_of(y[b].d));
        acc = _mm256_fmadd_ps(d, _mm256_cvtepi32_ps(dot_ss(codes, act)), acc);
    }
    return hsum(acc);
}

CONCLAVE_AVX2 float dot_q4_1(const void* w, const void* a, std::int64_t n) {
    const auto* x = static_cast<const quant::BlockQ4_1*>(w);
    const auto* y = static_cast<const quant::BlockQ8_1*>(a);
    __m256 acc = _mm256_setzero_ps();
    float mins = 0.0f;
    for (std::int64_t b = 0; b < n / qk; ++b) {
        const __m256i codes = spread_nibbles(x[b].qs);
        const __m256i act = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(y[b].qs));
        const __m256 d = _mm256_set1_ps(scale_of(x[b].d) * scale_of(y[b].d));
        acc = _mm256_fmadd_ps(d, _mm256_cvtepi32_ps(dot_us(codes, act)), acc);
        mins += scale_of(x[b].m) * scale_of(y[b].s);
    }
    return hsum(acc) + mins;
}

CONCLAVE_AVX2 float dot_q8_0(const void* w, const void* a, std::int64_t n) {
    const auto* x = static_cast<const quant::BlockQ8_0*>(w);
    const auto* y = static_cast<const quant::BlockQ8_0*>(a);
    __m256 acc = _mm256_setzero_ps();
    for (std::int64_t b = 0; b < n / qk; ++b) {
        const __m256i wx = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(x[b].qs));
        const __m256i act = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(y[b].qs));
        const __m256 d = _mm256_set1_ps(scale_of(x[b].d) * scale_of(y[b].d));
        acc = _mm256_fmadd_ps(d, _mm256_cvtepi32_ps(dot_ss(wx, act)), acc);
    }
    return hsum(acc);
}

} // namespace

QuantDotFn quant_dot_avx2(quant::TensorType weight) {
    using T = quant::TensorType;
    switch (weight) {
    case T::Q4_0: return dot_q4_0;
    case T::Q4_1: return dot_q4_1;
    case T::Q8_0: return dot_q8_0;
    default: return quant_dot_k_avx2(weight);
    }
}

} // namespace conclave::cpu

#else

namespace conclave::cpu {
QuantDotFn quant_dot_avx2(quant::TensorType) { return nullptr; }
} // namespace conclave::cpu

#endif
