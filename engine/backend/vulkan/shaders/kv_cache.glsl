// KV cache element access, shared by kv_store.comp and attention.comp. The cache is a `uint`
// buffer addressed in bytes (Q8_0 blocks are 34 bytes, so half of them start 2 bytes into a
// word). Exactly one of KV_F32, KV_F16, KV_Q8_0 is defined per compiled variant.
// Needs common.glsl.

#if defined(KV_F32)
#define KV_ROW_BYTES(width) ((width) * 4u)
#elif defined(KV_F16)
#define KV_ROW_BYTES(width) ((width) * 2u)
#elif defined(KV_Q8_0)
#define KV_ROW_BYTES(width) ((width) / 32u * 34u)
#else
#error "define KV_F32, KV_F16 or KV_Q8_0"
#endif

// fp32 -> binary16 bits, round to nearest even, as quant/half.h's fp32_to_fp16 (packHalf2x16
// leaves the rounding to the driver, and the cache must hold what the CPU would write).
uint f32_to_f16_rne(float f) {
    const uint x = floatBitsToUint(f);
    const uint sign = (x >> 16u) & 0x8000u;
    const uint ax = x & 0x7fffffffu;
    if (ax > 0x7f800000u) return sign | 0x7e00u | ((ax >> 13u) & 0x3ffu);
    const int exponent = int(ax >> 23u) - 127;
    if (exponent >= 16) return sign | 0x7c00u;
    if (exponent >= -14) {
        const uint biased = (uint(exponent + 15) << 10u) | ((ax >> 13u) & 0x3ffu);
        const uint rest = ax & 0x1fffu;
        const uint up = (rest > 0x1000u || (rest == 0x1000u && (biased & 1u) != 0u)) ? 1u : 0u;
        return sign | (biased + up);
    }
    if (exponent < -25) return sign;
    const uint significand = (ax & 0x7fffffu) | 0x800000u;
    const uint shift = uint(-exponent - 1); // 14..24
    const uint kept = significand >> shift;
    const uint dropped = significand & ((1u << shift) - 1u);
    const uint halfway = 1u << (shift - 1u);
    const uint up = (dropped > halfway || (dropped == halfway && (kept & 1u) != 0u)) ? 1u : 0u;
    return sign | (kept + up);
}

// C's roundf (half away from zero) without the float error of floor(|v| + 0.5).
float round_half_away(float v) {
    const float t = trunc(v);
    return abs(v - t) >= 0.5 ? t + sign(v) : t;
}
