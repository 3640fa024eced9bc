// GEMM micro-kernels for the 4-bit table formats on AVX2: IQ4_NL and MXFP4 (blocks of 32, Q8_0
// activations, the tile of gemm_legacy_tile_avx2.h) and IQ4_XS (super-blocks of 256, Q8_K
// activations, the tile of gemm_k_tile_avx2.h). A nibble indexes a table of 16 signed levels
// (kvalues_iq4nl, or kvalues_mxfp4 holding E2M1 doubled), looked up with one byte shuffle;
// the codes are signed, so the tiles move their sign onto the activations. No offsets.
// Nibble layout of a 32: byte j's low nibble is element j, its high nibble element j + 16.
// MXFP4 (|level| <= 12) uses the eight-row kernel of gemm_rows8_tile_avx2.h.

#include "backend/cpu/gemm.h"

#if defined(__x86_64__)
#include "backend/cpu/gemm_k_tile_avx2.h"
#include "backend/cpu/gemm_legacy_tile_avx2.h"
#include "backend/cpu/gemm_rows8_tile_avx2.h"
#include "quant/blocks_iq.h"
#include "quant/blocks_mxfp4.h"
#include "quant/half.h"
#include "quant/iq_grids.h"

namespace conclave::cpu {
namespace {

// The 32 levels of one block of 32 (16 bytes of nibbles), in element order.
CONCLAVE_AVX2 inline __m256i table_codes(const std::int8_t (&table)[16], const std::uint8_t* qs) {
    const __m256i levels = _mm256_broadcastsi128_si256(_mm_loadu_si128(reinterpret_cast<const __m128i*>(table)));
    return _mm256_shuffle_epi8(levels, spread_nibbles(qs));
}

struct IQ4_NLCodes {
    using Block = quant::BlockIQ4_NL;
    static constexpr bool is_signed = true;
    static float scale(const Block& b) { return quant::fp16_to_fp32(b.d); }
    static float offset(const Block&) { return 0.0f; }
    CONCLAVE_AVX2 static __m256i codes(const Block& b) { return table_codes(quant::kvalues_iq4nl, b.qs); }
};

// The E8M0 scale halved because the table holds E2M1 values doubled (half.h).
struct MXFP4Codes {
    using Block = quant::BlockMXFP4;
    static constexpr bool is_signed = true;
    static constexpr int max_level = 12;
    static constexpr bool split = false;
    static float scale(const Block& b) { return quant::e8m0_to_fp32_half(b.e); }
    static float offset(const Block&) { return 0.0f; }
    CONCLAVE_AVX2 static __m256i codes(const Block& b) { return table_codes(quant::kvalues_mxfp4, b.qs); }
};

// IQ4_XS: eight sub-blocks of 32 with 6-bit scales offset by -32 (low nibble in scales_l,
// two high bits in scales_h); pair p is sub-blocks 2p and 2p + 1 (qs bytes 32p..32p+31).
struct IQ4_XSCodes {
    using Block = quant::BlockIQ4_XS;
    static constexpr bool is_signed = true, has_offset = false, offset_per_32 = false;
    static void prep(const Block& b, float& d, float* o, std::int16_t* s) {
        d = quant::fp16_to_fp32(b.d);
        for (int g = 0; g < 16; ++g) o[g] = 0.0f;
        for (int j = 0; j < 8; ++j) {
            const int low = (b.scales_l[j / 2] >> (4 * (j % 2))) & 0x0f;
            const int high = (b.scales_h >> (2 * j)) & 3;
            for (int i = 0; i < 16; ++i) s[16 * j + i] = static_cast<std::int16_t>((low | (high << 4)) - 32);
        }
    }
    CONCLAVE_AVX2 static gemm_k::RunPair pair(const Block& b, int p) {
        return {{table_codes(quant::kvalues_iq4nl, b.qs + 32 * p), table_codes(quant::kvalues_iq4nl, b.qs + 32 * p + 16)},
                {2 * p, 2 * p + 1}};
    }
};

const GemmKernel iq4_nl = gemm_legacy::kernel_for<IQ4_NLCodes>(quant::TensorType::Q8_0);
// MXFP4 runs eight rows at a time (gemm_rows8_tile_avx2.h). Its one-row tiles stay in the
// kernel: a copy with group = nullptr runs them (bench_gemm and test_cpu_gemm compare both).
const GemmGroupKernel mxfp4_rows8 = gemm_rows8::group_kernel_for<MXFP4Codes>();
const GemmKernel mxfp4 = gemm_rows8::with_group(gemm_legacy::kernel_for<MXFP4Codes>(quant::TensorType::Q8_0), &mxfp4_rows8);
const GemmKernel iq4_xs = gemm_k::kernel_for<IQ4_XSCodes>();

} // namespace

const GemmKernel* gemm_kernel_iq_avx2(quant::TensorType weight) {
    using T = quant::TensorType;
    switch (weight) {
    case T::IQ4_NL: return &iq4_nl;
    case T::MXFP4: return &mxfp4;
    case T::IQ4_XS: return &iq4_xs;
    default: return nullptr;
    }
}

} // namespace conclave::cpu

#else

namespace conclave::cpu {
const GemmKernel* gemm_kernel_iq_avx2(quant::TensorType) { return nullptr; }
} // namespace conclave::cpu

#endif
