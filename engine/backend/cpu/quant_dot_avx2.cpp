// AVX2 integer dot products. Each 32-code block becomes 32 bytes in a register (nibbles
// spread low half / high half to line up with activations j and j + 16), is multiplied
// with the activation bytes by maddubs (unsigned x signed -> int16 pairs) and widened to
// eight int32 lanes; the block's float scale then multiplies those lanes into eight float
// accumulators, summed once at the end of the row.

#include "backend/cpu/quant_dot.h"

#if defined(__x86_64__)
#include "quant/blocks_legacy.h"
#include "quant/half.h"

#include "backend/cpu/avx2_util.h"
#include "backend/cpu/dot_blocks4_avx2.h"

#include <cstring>
#include <immintrin.h>
#include <type_traits>

namespace conclave::cpu {
namespace {

constexpr int qk = quant::qk_legacy;

CONCLAVE_AVX2 inline float scale_of(std::uint16_t h) { return _cvtsh_ss(h); }

// Four activation rows against one weight row: a block's codes are expanded once and used
// for four tokens, which is what prompt processing (many tokens per weight row) needs.
struct Q4_0Codes {
    using Block = quant::BlockQ4_0;
    using Act = quant::BlockQ8_0;
    static constexpr bool centred = true;
    CONCLAVE_AVX2 static __m256i codes(const Block& b) { return _mm256_sub_epi8(spread_nibbles(b.qs), _mm256_set1_epi8(8)); }
};
struct Q4_1Codes {
    using Block = quant::BlockQ4_1;
    using Act = quant::BlockQ8_1;
    static constexpr bool centred = false;
    CONCLAVE_AVX2 static __m256i codes(const Block& b) { return spread_nibbles(b.qs); }
};
struct Q5_0Codes {
    using Block = quant::BlockQ5_0;
    using Act = quant::BlockQ8_0;
    static constexpr bool centred = true;
    CONCLAVE_AVX2 static __m256i codes(const Block& b) {
        return _mm256_sub_epi8(_mm256_or_si256(spread_nibbles(b.qs), fifth_bits(b.qh)), _mm256_set1_epi8(16));
    }
};
struct Q5_1Codes {
    using Block = quant::BlockQ5_1;
    using Act = quant::BlockQ8_1;
    static constexpr bool centred = false;
    CONCLAVE_AVX2 static __m256i codes(const Block& b) { return _mm256_or_si256(spread_nibbles(b.qs), fifth_bits(b.qh)); }
};
struct Q8_0Codes {
    using Block = quant::BlockQ8_0;
    using Act = quant::BlockQ8_0;
    static constexpr bool centred = true;
    CONCLAVE_AVX2 static __m256i codes(const Block& b) { return _mm256_loadu_si256(reinterpret_cast<const __m256i*>(b.qs)); }
};

template <typename Codes>
CONCLAVE_AVX2 void dot_x4(const void* w, const void* a, std::size_t a_stride, std::int64_t n, float* out) {
    using Block = typename Codes::Block;
    using Act = typename Codes::Act;
    constexpr bool has_min = std::is_same_v<Act, quant::BlockQ8_1>;
    const auto* x = static_cast<const Block*>(w);
    const Act* y[4];
    for (int t = 0; t < 4; ++t) y[t] = reinterpret_cast<const Act*>(static_cast<const unsigned char*>(a) + t * a_stride);
    __m256 acc[4] = {_mm256_setzero_ps(), _mm256_setzero_ps(), _mm256_setzero_ps(), _mm256_setzero_ps()};
    float mins[4] = {};
    for (std::int64_t b = 0; b < n / qk; ++b) {
        const __m256i codes = Codes::codes(x[b]);
        // Signed codes: multiply |codes| by the activations carrying the codes' signs.
        const __m256i magnitude = Codes::centred ? _mm256_sign_epi8(codes, codes) : codes;
        const float wd = scale_of(x[b].d);
        for (int t = 0; t < 4; ++t) {
            __m256i act = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(y[t][b].qs));
            if constexpr (Codes::centred) act = _mm256_sign_epi8(act, codes);
            const __m256 d = _mm256_set1_ps(wd * scale_of(y[t][b].d));
            acc[t] = _mm256_fmadd_ps(d, _mm256_cvtepi32_ps(dot_us(magnitude, act)), acc[t]);
            if constexpr (has_min) mins[t] += scale_of(x[b].m) * scale_of(y[t][b].s);
        }
    }
    for (int t = 0; t < 4; ++t) out[t] = hsum256(acc[t]) + mins[t];
}

// Generation (one token): the four-block kernel of dot_blocks4_avx2.h over each format's
// signed codes.
template <typename Block> struct HalfScaled {
    CONCLAVE_AVX2 static float scale(const Block& b) { return scale_of(b.d); }
    CONCLAVE_AVX2 static __m128 scales4(const Block* b) { return four_halves(&b->d, sizeof(Block)); }
};
struct Q4_0Signed : HalfScaled<quant::BlockQ4_0> {
    using Block = quant::BlockQ4_0;
    static constexpr bool small_codes = true; // -8..7
    CONCLAVE_AVX2 static __m256i values(__m256i nibbles) { return _mm256_sub_epi8(nibbles, _mm256_set1_epi8(8)); }
};
struct Q5_0Signed : HalfScaled<quant::BlockQ5_0> {
    using Block = quant::BlockQ5_0;
    CONCLAVE_AVX2 static __m256i values(const Block& b) { return Q5_0Codes::codes(b); }
};
struct Q4_1Offset {
    using Block = quant::BlockQ4_1;
    CONCLAVE_AVX2 static __m256i codes(const Block& b) { return Q4_1Codes::codes(b); }
};
struct Q5_1Offset {
    using Block = quant::BlockQ5_1;
    CONCLAVE_AVX2 static __m256i codes(const Block& b) { return Q5_1Codes::codes(b); }
};
struct Q8_0Signed : HalfScaled<quant::BlockQ8_0> {
    using Block = quant::BlockQ8_0;
    CONCLAVE_AVX2 static __m256i values(const Block& b) { return Q8_0Codes::codes(b); }
};

} // namespace

QuantDotX4Fn quant_dot_x4_avx2(quant::TensorType weight) {
    using T = quant::TensorType;
    switch (weight) {
    case T::Q4_0: return dot_x4<Q4_0Codes>;
    case T::Q4_1: return dot_x4<Q4_1Codes>;
    case T::Q5_0: return dot_x4<Q5_0Codes>;
    case T::Q5_1: return dot_x4<Q5_1Codes>;
    case T::Q8_0: return dot_x4<Q8_0Codes>;
    default: return nullptr;
    }
}

QuantDotFn quant_dot_avx2(quant::TensorType weight) {
    using T = quant::TensorType;
    switch (weight) {
    case T::Q4_0: return dot_nibble_blocks<Q4_0Signed>;
    case T::Q4_1: return dot_offset_blocks<Q4_1Offset>;
    case T::Q5_0: return dot_signed_blocks<Q5_0Signed>;
    case T::Q5_1: return dot_offset_blocks<Q5_1Offset>;
    case T::Q8_0: return dot_signed_blocks<Q8_0Signed>;
    default: return nullptr;
    }
}

} // namespace conclave::cpu

#else

namespace conclave::cpu {
QuantDotFn quant_dot_avx2(quant::TensorType) { return nullptr; }
QuantDotX4Fn quant_dot_x4_avx2(quant::TensorType) { return nullptr; }
} // namespace conclave::cpu

#endif
