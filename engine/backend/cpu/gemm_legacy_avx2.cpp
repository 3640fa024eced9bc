// GEMM micro-kernels for the 32-element formats (Q4_0, Q4_1, Q5_0, Q5_1, Q8_0) on AVX2; the
// tile is in gemm_legacy_tile_avx2.h. Codes are unsigned (Q4_0 as 0..15, Q5_0 as 0..31) and
// the format's offset (-8 d, -16 d, or the minimum m) enters through the record's offset sums
// (gemm.h). Q8_0 codes are signed: |w| times a carrying w's sign.

#include "backend/cpu/gemm.h"

#if defined(__x86_64__)
#include "backend/cpu/gemm_legacy_tile_avx2.h"
#include "backend/cpu/gemm_rows8_tile_avx2.h"
#include "quant/blocks_legacy.h"
#include "quant/half.h"

namespace conclave::cpu {
namespace {

struct Q4_0Codes {
    using Block = quant::BlockQ4_0;
    static constexpr bool is_signed = false;
    static float scale(const Block& b) { return quant::fp16_to_fp32(b.d); }
    static float offset(const Block& b) { return -8.0f * quant::fp16_to_fp32(b.d); }
    CONCLAVE_AVX2 static __m256i codes(const Block& b) { return spread_nibbles(b.qs); }
};
struct Q4_1Codes {
    using Block = quant::BlockQ4_1;
    static constexpr bool is_signed = false;
    static float scale(const Block& b) { return quant::fp16_to_fp32(b.d); }
    static float offset(const Block& b) { return quant::fp16_to_fp32(b.m); }
    CONCLAVE_AVX2 static __m256i codes(const Block& b) { return spread_nibbles(b.qs); }
};
struct Q5_0Codes {
    using Block = quant::BlockQ5_0;
    static constexpr bool is_signed = false;
    static float scale(const Block& b) { return quant::fp16_to_fp32(b.d); }
    static float offset(const Block& b) { return -16.0f * quant::fp16_to_fp32(b.d); }
    CONCLAVE_AVX2 static __m256i codes(const Block& b) { return _mm256_or_si256(spread_nibbles(b.qs), fifth_bits(b.qh)); }
};
struct Q5_1Codes {
    using Block = quant::BlockQ5_1;
    static constexpr bool is_signed = false;
    static float scale(const Block& b) { return quant::fp16_to_fp32(b.d); }
    static float offset(const Block& b) { return quant::fp16_to_fp32(b.m); }
    CONCLAVE_AVX2 static __m256i codes(const Block& b) { return _mm256_or_si256(spread_nibbles(b.qs), fifth_bits(b.qh)); }
};
struct Q8_0Codes {
    using Block = quant::BlockQ8_0;
    static constexpr bool is_signed = true;
    static constexpr int max_level = 128;
    static constexpr bool split = true;
    static float scale(const Block& b) { return quant::fp16_to_fp32(b.d); }
    static float offset(const Block&) { return 0.0f; }
    CONCLAVE_AVX2 static __m256i codes(const Block& b) { return _mm256_loadu_si256(reinterpret_cast<const __m256i*>(b.qs)); }
};

const GemmKernel q4_0 = gemm_legacy::kernel_for<Q4_0Codes>(quant::TensorType::Q8_0);
const GemmKernel q4_1 = gemm_legacy::kernel_for<Q4_1Codes>(quant::TensorType::Q8_1);
const GemmKernel q5_0 = gemm_legacy::kernel_for<Q5_0Codes>(quant::TensorType::Q8_0);
const GemmKernel q5_1 = gemm_legacy::kernel_for<Q5_1Codes>(quant::TensorType::Q8_1);
// Q8_0 runs eight rows at a time (gemm_rows8_tile_avx2.h, levels split in two nibbles). Its
// one-row tiles stay in the kernel: a copy with group = nullptr runs them (bench_gemm and
// test_cpu_gemm compare both).
const GemmGroupKernel q8_0_rows8 = gemm_rows8::group_kernel_for<Q8_0Codes>();
const GemmKernel q8_0 = gemm_rows8::with_group(gemm_legacy::kernel_for<Q8_0Codes>(quant::TensorType::Q8_0), &q8_0_rows8);

} // namespace

const GemmKernel* gemm_kernel_legacy_avx2(quant::TensorType weight) {
    using T = quant::TensorType;
    switch (weight) {
    case T::Q4_0: return &q4_0;
    case T::Q4_1: return &q4_1;
    case T::Q5_0: return &q5_0;
    case T::Q5_1: return &q5_1;
    case T::Q8_0: return &q8_0;
    default: return nullptr;
    }
}

} // namespace conclave::cpu

#else

namespace conclave::cpu {
const GemmKernel* gemm_kernel_legacy_avx2(quant::TensorType) { return nullptr; }
} // namespace conclave::cpu

#endif
