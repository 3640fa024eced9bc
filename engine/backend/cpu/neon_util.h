#pragma once
// Helpers shared by the NEON kernels (ARM64). Advanced SIMD is part of every ARM64 processor,
// so plain NEON code needs no attribute; the SDOT instruction (ARMv8.2 dotprod, optional
// before ARMv8.4) does. Kernels are templates over an instruction policy, NeonPlain or
// NeonDotprod, whose only difference is how sixteen byte products are summed; the dotprod
// entry points carry CONCLAVE_DOTPROD_ENTRY, which lets SDOT be inlined into them, and are
// called only where the processor reports asimddp (quant_dot.cpp checks).

#if defined(__aarch64__)
#include <arm_neon.h>
#include <cstdint>

// Functions that may execute SDOT. The architecture string is what arm_neon.h itself asks
// for around vdotq_s32, so the intrinsic can be inlined into these functions.
#define CONCLAVE_DOTPROD __attribute__((target("arch=armv8.2-a+dotprod")))
// Entry points of the dotprod kernels: `flatten` inlines the (policy-templated) kernel body and
// NeonDotprod::dot into the entry, where the target allows SDOT.
#define CONCLAVE_DOTPROD_ENTRY __attribute__((target("arch=armv8.2-a+dotprod"), flatten))

namespace conclave::cpu {

// acc + the sums of products of signed bytes a[i] * b[i], widened to int32. Only the sum of
// the four lanes is meaningful: the two policies spread the sixteen products differently.
// Exact for every int8 value (-128 * -128 fits in int16 before the pairwise widening add).
struct NeonPlain {
    static int32x4_t dot(int32x4_t acc, int8x16_t a, int8x16_t b) {
        acc = vpadalq_s16(acc, vmull_s8(vget_low_s8(a), vget_low_s8(b)));
        return vpadalq_s16(acc, vmull_high_s8(a, b));
    }
};

struct NeonDotprod {
    CONCLAVE_DOTPROD static int32x4_t dot(int32x4_t acc, int8x16_t a, int8x16_t b) {
        return vdotq_s32(acc, a, b);
    }
};

// IEEE half -> float in hardware (FCVT; half-precision conversion is baseline on ARM64).
inline float neon_half_to_float(std::uint16_t h) {
    return vgetq_lane_f32(vcvt_f32_f16(vreinterpret_f16_u16(vdup_n_u16(h))), 0);
}

inline int8x16_t load16(const std::int8_t* p) {
    return vld1q_s8(p);
}
inline uint8x16_t load16(const std::uint8_t* p) {
    return vld1q_u8(p);
}
inline int8x16_t as_s8(uint8x16_t v) {
    return vreinterpretq_s8_u8(v);
}

} // namespace conclave::cpu
#endif
