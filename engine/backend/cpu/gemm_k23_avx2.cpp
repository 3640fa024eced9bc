// GEMM micro-kernels for Q2_K and Q3_K weights with Q8_K activations on AVX2 (the tile is in
// gemm_k_tile_avx2.h). Both keep 2-bit codes in one plane: byte 32h + i of qs holds element
// i of run 4h + k in bits 2k, 2k+1 (h = half, k = 0..3), so one 32-byte load serves four runs.
// Q2_K: a 4-bit scale and 4-bit minimum per 16 elements (the minimum goes through the offset
// sums). Q3_K: a third bit per element in hmask (bit j of byte i for element i of run j; a
// clear bit means -4), taken as code + 4 with -4 * scale in the offsets; signed 6-bit scales.

#include "backend/cpu/gemm.h"

#if defined(__x86_64__)
#include "backend/cpu/gemm_k_tile_avx2.h"
#include "quant/half.h"
#include "quant/k_scales.h"

namespace conclave::cpu {
namespace {

using gemm_k::RunPair;

// Pair p = 2h + k0 / 2 holds runs 4h + k0 and 4h + k0 + 1 (k0 = 0 or 2): two bit pairs of
// the same qs chunk. Returns the first run's index in `run`.
CONCLAVE_AVX2 inline RunPair low2_pair(const std::uint8_t* qs, int p) {
    const int h = p / 2, k0 = 2 * (p % 2);
    const __m256i down = _mm256_srl_epi16(load32(qs + 32 * h), _mm_cvtsi32_si128(2 * k0));
    const __m256i three = _mm256_set1_epi8(3);
    return {{_mm256_and_si256(down, three), _mm256_and_si256(_mm256_srli_epi16(down, 2), three)}, {4 * h + k0, 4 * h + k0 + 1}};
}

struct Q2_KCodes {
    using Block = quant::BlockQ2_K;
    static constexpr bool is_signed = false, has_offset = true, offset_per_32 = false;
    static void prep(const Block& b, float& d, float* o, std::int16_t* s) {
        d = quant::fp16_to_fp32(b.d);
        const float dmin = quant::fp16_to_fp32(b.dmin);
        for (int g = 0; g < 16; ++g) o[g] = -dmin * static_cast<float>(b.scales[g] >> 4);
        for (int j = 0; j < 8; ++j)
            for (int i = 0; i < 16; ++i) s[16 * j + i] = static_cast<std::int16_t>(b.scales[2 * j + i / 8] & 0x0f);
    }
    CONCLAVE_AVX2 static RunPair pair(const Block& b, int p) { return low2_pair(b.qs, p); }
};

struct Q3_KCodes {
    using Block = quant::BlockQ3_K;
    static constexpr bool is_signed = false, has_offset = true, offset_per_32 = false;
    static void prep(const Block& b, float& d, float* o, std::int16_t* s) {
        d = quant::fp16_to_fp32(b.d);
        int scales[16];
        quant::unpack_q3_k_scales(b.scales, scales);
        for (int g = 0; g < 16; ++g) o[g] = -4.0f * d * static_cast<float>(scales[g]);
        for (int j = 0; j < 8; ++j)
            for (int i = 0; i < 16; ++i) s[16 * j + i] = static_cast<std::int16_t>(scales[2 * j + i / 8]);
    }
    // The 2-bit pair plus bits run[0] and run[0] + 1 of hmask moved to bit 2 (16-bit shifts;
    // the mask drops what crosses between bytes).
    CONCLAVE_AVX2 static RunPair pair(const Block& b, int p) {
        RunPair r = low2_pair(b.qs, p);
        const __m256i down = _mm256_srl_epi16(load32(b.hmask), _mm_cvtsi32_si128(r.run[0]));
        const __m256i four = _mm256_set1_epi8(4);
        r.codes[0] = _mm256_or_si256(r.codes[0], _mm256_and_si256(_mm256_slli_epi16(down, 2), four));
        r.codes[1] = _mm256_or_si256(r.codes[1], _mm256_and_si256(_mm256_slli_epi16(down, 1), four));
        return r;
    }
};

const GemmKernel q2_k = gemm_k::kernel_for<Q2_KCodes>();
const GemmKernel q3_k = gemm_k::kernel_for<Q3_KCodes>();

} // namespace

const GemmKernel* gemm_kernel_k23_avx2(quant::TensorType weight) {
    using T = quant::TensorType;
    switch (weight) {
    case T::Q2_K: return &q2_k;
    case T::Q3_K: return &q3_k;
    default: return nullptr;
    }
}

} // namespace conclave::cpu

#else

namespace conclave::cpu {
const GemmKernel* gemm_kernel_k23_avx2(quant::TensorType) { return nullptr; }
} // namespace conclave::cpu

#endif
