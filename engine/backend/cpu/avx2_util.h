#pragma once
// Helpers shared by the AVX2 kernels. Each function carries the target attribute so the
// rest of the binary stays baseline x86-64; include only from files whose callers check
// the CPU features first.

#if defined(__x86_64__)
#include <cstdint>
#include <cstring>
#include <immintrin.h>

#define CONCLAVE_AVX2 __attribute__((target("avx2,fma,f16c")))

namespace conclave::cpu {

// Sum of the eight floats of v.
CONCLAVE_AVX2 inline float hsum256(__m256 v) {
    const __m128 lo = _mm_add_ps(_mm256_castps256_ps128(v), _mm256_extractf128_ps(v, 1));
    const __m128 pairs = _mm_add_ps(lo, _mm_movehl_ps(lo, lo));
    return _mm_cvtss_f32(_mm_add_ss(pairs, _mm_movehdup_ps(pairs)));
}

CONCLAVE_AVX2 inline __m256i load32(const void* p) { return _mm256_loadu_si256(static_cast<const __m256i*>(p)); }

// 16 bytes of nibbles -> 32 bytes: low nibbles first (elements 0-15), then high nibbles (the
// order of the 32-element blocks whose byte j holds elements j and j + 16).
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
// Exact while x and y stay in -127..127.
CONCLAVE_AVX2 inline __m256i dot_ss(__m256i x, __m256i y) {
    return dot_us(_mm256_sign_epi8(x, x), _mm256_sign_epi8(y, x));
}

// The 32 bits of a Q5 block's qh as 32 bytes: 0x10 where bit j is set (byte j), else 0.
CONCLAVE_AVX2 inline __m256i fifth_bits(const std::uint8_t* qh) {
    std::uint32_t bits;
    std::memcpy(&bits, qh, sizeof bits);
    // Byte j takes byte j/8 of qh (shuffles stay within 128-bit lanes; each lane has a copy).
    const __m256i spread = _mm256_shuffle_epi8(_mm256_set1_epi32(static_cast<int>(bits)),
                                               _mm256_set_epi64x(0x0303030303030303, 0x0202020202020202,
                                                                 0x0101010101010101, 0x0000000000000000));
    const __m256i select = _mm256_set1_epi64x(static_cast<long long>(0x8040201008040201ull));
    const __m256i set = _mm256_cmpeq_epi8(_mm256_and_si256(spread, select), select);
    return _mm256_and_si256(set, _mm256_set1_epi8(0x10));
}

// e^x for eight floats, within a few ulp of expf on [-87, 88]; inputs below about -87 give
// 0 or about 1e-38, inputs above 88.7 give about 3.3e38 (callers use it where such values are
// dwarfed: softmax of non-positive scores, SiLU). NaN-free for finite inputs.
// x = n ln2 + r with |r| <= ln2/2 (ln2 split in two so n ln2 is exact), then e^r by its
// degree-6 Taylor polynomial (error below 2^-23 on that interval) times 2^n built in the
// exponent bits.
CONCLAVE_AVX2 inline __m256 exp256(__m256 x) {
    x = _mm256_min_ps(_mm256_max_ps(x, _mm256_set1_ps(-87.3f)), _mm256_set1_ps(88.7f));
    const __m256 n = _mm256_round_ps(_mm256_mul_ps(x, _mm256_set1_ps(1.44269504f)),
                                     _MM_FROUND_TO_NEAREST_INT | _MM_FROUND_NO_EXC);
    __m256 r = _mm256_fnmadd_ps(n, _mm256_set1_ps(0.693359375f), x);
    r = _mm256_fnmadd_ps(n, _mm256_set1_ps(-2.12194440e-4f), r);
    __m256 p = _mm256_set1_ps(1.0f / 720.0f);
    p = _mm256_fmadd_ps(p, r, _mm256_set1_ps(1.0f / 120.0f));
    p = _mm256_fmadd_ps(p, r, _mm256_set1_ps(1.0f / 24.0f));
    p = _mm256_fmadd_ps(p, r, _mm256_set1_ps(1.0f / 6.0f));
    p = _mm256_fmadd_ps(p, r, _mm256_set1_ps(0.5f));
    p = _mm256_fmadd_ps(p, r, _mm256_set1_ps(1.0f));
    p = _mm256_fmadd_ps(p, r, _mm256_set1_ps(1.0f));
    // n is in -126..128 and 2^128 is not a float: build 2^(n-1) (exponent field n + 126,
    // 0 for n = -126, which reads as zero) and double it.
    const __m256i e = _mm256_slli_epi32(_mm256_add_epi32(_mm256_cvtps_epi32(n), _mm256_set1_epi32(126)), 23);
    return _mm256_mul_ps(_mm256_mul_ps(p, _mm256_castsi256_ps(e)), _mm256_set1_ps(2.0f));
}

} // namespace conclave::cpu
#endif
