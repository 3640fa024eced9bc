// NEON integer dot products of IQ4_XS weights with Q8_K activations. Each sub-block of 32
// looks its nibbles up in the 16 IQ4_NL levels (one table instruction per 16), multiplies them
// with the activation bytes into int32 lanes (SDOT, or SMULL + pairwise add), and weights the
// lanes by its 6-bit scale minus 32; the super-block's sum is exact in int32 and scaled once,
// as in the scalar reference (quant_dot_iq_reference.cpp).

#include "backend/cpu/quant_dot.h"

#if defined(__aarch64__)
#include "backend/cpu/neon_util.h"
#include "quant/blocks_iq.h"
#include "quant/blocks_k.h"
#include "quant/iq_grids.h"

#include <arm_neon.h>

namespace conclave::cpu {
namespace {

constexpr int qk = quant::qk_k;

// [n] IQ4_XS weights against T activation rows `a_stride` bytes apart (T = 1 or 4); each
// sub-block's levels are looked up once for all T rows. Byte j of a sub-block's 16 holds
// element j (low nibble) and element j + 16 (high nibble).
template <typename Isa, int T>
void dot_iq4_xs_rows(const void* w, const void* a, std::size_t a_stride, std::int64_t n, float* out) {
    const auto* x = static_cast<const quant::BlockIQ4_XS*>(w);
    const quant::BlockQ8_K* y[T];
    for (int t = 0; t < T; ++t)
        y[t] = reinterpret_cast<const quant::BlockQ8_K*>(static_cast<const unsigned char*>(a) + t * a_stride);
    const int8x16_t levels = vld1q_s8(quant::kvalues_iq4nl);
    float sum[T] = {};
    for (std::int64_t b = 0; b < n / qk; ++b) {
        int32x4_t sumi[T];
        for (int t = 0; t < T; ++t) sumi[t] = vdupq_n_s32(0);
        for (int ib = 0; ib < qk / 32; ++ib) {
            const int low = (x[b].scales_l[ib / 2] >> (4 * (ib % 2))) & 0x0f;
            const int high = (x[b].scales_h >> (2 * ib)) & 3;
            const int scale = (low | (high << 4)) - 32;
            const uint8x16_t q = load16(x[b].qs + 16 * ib);
            const int8x16_t lo = vqtbl1q_s8(levels, vandq_u8(q, vdupq_n_u8(0x0f)));
            const int8x16_t hi = vqtbl1q_s8(levels, vshrq_n_u8(q, 4));
            for (int t = 0; t < T; ++t) {
                const std::int8_t* act = y[t][b].qs + 32 * ib;
                const int32x4_t d = Isa::dot(Isa::dot(vdupq_n_s32(0), lo, load16(act)), hi, load16(act + 16));
                sumi[t] = vmlaq_n_s32(sumi[t], d, scale);
            }
        }
        const float wd = neon_half_to_float(x[b].d);
        for (int t = 0; t < T; ++t) sum[t] += y[t][b].d * (wd * static_cast<float>(vaddvq_s32(sumi[t])));
    }
    for (int t = 0; t < T; ++t) out[t] = sum[t];
}

float dot_plain(const void* w, const void* a, std::int64_t n) {
    float out;
    dot_iq4_xs_rows<NeonPlain, 1>(w, a, 0, n, &out);
    return out;
}

CONCLAVE_DOTPROD_ENTRY float dot_dotprod(const void* w, const void* a, std::int64_t n) {
    float out;
    dot_iq4_xs_rows<NeonDotprod, 1>(w, a, 0, n, &out);
    return out;
}

void dot_x4_plain(const void* w, const void* a, std::size_t a_stride, std::int64_t n, float* out) {
    dot_iq4_xs_rows<NeonPlain, 4>(w, a, a_stride, n, out);
}

CONCLAVE_DOTPROD_ENTRY void dot_x4_dotprod(const void* w, const void* a, std::size_t a_stride, std::int64_t n,
                                           float* out) {
    dot_iq4_xs_rows<NeonDotprod, 4>(w, a, a_stride, n, out);
}

} // namespace

QuantDotFn quant_dot_iq_neon(quant::TensorType weight, bool dotprod) {
    if (weight != quant::TensorType::IQ4_XS) return nullptr;
    return dotprod ? dot_dotprod : dot_plain;
}

QuantDotX4Fn quant_dot_x4_iq_neon(quant::TensorType weight, bool dotprod) {
    if (weight != quant::TensorType::IQ4_XS) return nullptr;
    return dotprod ? dot_x4_dotprod : dot_x4_plain;
}

} // namespace conclave::cpu

#else

namespace conclave::cpu {
QuantDotFn quant_dot_iq_neon(quant::TensorType, bool) {
    return nullptr;
}
QuantDotX4Fn quant_dot_x4_iq_neon(quant::TensorType, bool) {
    return nullptr;
}
} // namespace conclave::cpu

#endif
