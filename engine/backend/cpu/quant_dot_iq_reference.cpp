// Scalar integer dot products of the 4-bit table formats: IQ4_NL and MXFP4 blocks of 32 with
// Q8_0 activations, IQ4_XS super-blocks of 256 with Q8_K. A code is an index into a table of
// 16 small integers (kvalues_iq4nl, or kvalues_mxfp4 holding E2M1 doubled), so the block's
// sum of table value x activation is exact in int and scaled once. Nibble j of byte j (low)
// pairs with element j of its 32, the high nibble with element j + 16.

#include "backend/cpu/block_load.h"
#include "backend/cpu/quant_dot.h"
#include "quant/blocks_iq.h"
#include "quant/blocks_legacy.h"
#include "quant/blocks_mxfp4.h"
#include "quant/half.h"
#include "quant/iq_grids.h"

namespace conclave::cpu {
namespace {

using quant::fp16_to_fp32;

// Sum over 32 elements of table[code] * activation.
int table_dot_32(const std::int8_t (&table)[16], const std::uint8_t* qs, const std::int8_t* act) {
    int sumi = 0;
    for (int j = 0; j < 16; ++j)
        sumi += table[qs[j] & 0x0f] * act[j] + table[qs[j] >> 4] * act[j + 16];
    return sumi;
}

float dot_iq4_nl(const void* w, const void* a, std::int64_t n) {
    float sum = 0.0f;
    for (std::int64_t b = 0; b < n / 32; ++b) {
        const auto x = load_block<quant::BlockIQ4_NL>(w, b);
        const auto y = load_block<quant::BlockQ8_0>(a, b);
        const int sumi = table_dot_32(quant::kvalues_iq4nl, x.qs, y.qs);
        sum += static_cast<float>(sumi) * fp16_to_fp32(x.d) * fp16_to_fp32(y.d);
    }
    return sum;
}

// The E8M0 scale halved because the table holds E2M1 values doubled (see half.h).
float dot_mxfp4(const void* w, const void* a, std::int64_t n) {
    float sum = 0.0f;
    for (std::int64_t b = 0; b < n / quant::qk_mxfp4; ++b) {
        const auto x = load_block<quant::BlockMXFP4>(w, b);
        const auto y = load_block<quant::BlockQ8_0>(a, b);
        const int sumi = table_dot_32(quant::kvalues_mxfp4, x.qs, y.qs);
        sum += static_cast<float>(sumi) * quant::e8m0_to_fp32_half(x.e) * fp16_to_fp32(y.d);
    }
    return sum;
}

// IQ4_XS: eight sub-blocks of 32 with 6-bit scales offset by -32 (low nibble in scales_l,
// two high bits in scales_h).
float dot_iq4_xs(const void* w, const void* a, std::int64_t n) {
    float sum = 0.0f;
    for (std::int64_t b = 0; b < n / quant::qk_k; ++b) {
        const auto x = load_block<quant::BlockIQ4_XS>(w, b);
        const auto y = load_block<quant::BlockQ8_K>(a, b);
        int total = 0;
        for (int ib = 0; ib < quant::qk_k / 32; ++ib) {
            const int low = (x.scales_l[ib / 2] >> (4 * (ib % 2))) & 0x0f;
            const int high = (x.scales_h >> (2 * ib)) & 3;
            total += ((low | (high << 4)) - 32) *
                     table_dot_32(quant::kvalues_iq4nl, x.qs + 16 * ib, y.qs + 32 * ib);
        }
        sum += y.d * fp16_to_fp32(x.d) * static_cast<float>(total);
    }
    return sum;
}

} // namespace

QuantDotFn quant_dot_iq_reference(quant::TensorType weight) {
    using T = quant::TensorType;
    switch (weight) {
    case T::IQ4_NL:
        return dot_iq4_nl;
    case T::IQ4_XS:
        return dot_iq4_xs;
    case T::MXFP4:
        return dot_mxfp4;
    default:
        return nullptr;
    }
}

} // namespace conclave::cpu
