#version 450
#extension GL_GOOGLE_include_directive : require
// Converts F32 rows src: [width, n_tokens] into cache rows first_pos... The rows are
// contiguous, so the destination is one byte range starting at base[1] + first_byte. One
// invocation per destination word (F32, F16) or per 32-value block (Q8_0, quantized as
// quant/legacy_codecs.cpp does: d = max|x| / 127, q = round(x / d), d stored as fp16).
// A word the range covers only in part (an odd F16 width, Q8_0 blocks starting mid-word) is
// merged with atomicAnd/atomicOr, so neighbouring cache bytes owned by other invocations or
// other positions are never overwritten.
#include "common.glsl"
#include "exact_math.glsl"
#include "kv_cache.glsl"

layout(local_size_x = 64) in;
layout(set = 0, binding = 0) readonly buffer Src { float src[]; };
layout(set = 0, binding = 1) buffer Cache { uint cache[]; };
layout(push_constant) uniform Push {
    uint base[MAX_BINDINGS];
    uint n;        // values to store: width * n_tokens
    uint first_byte; // first_pos * the cache's row bytes
    uint n_items;  // invocations with work: words (F32, F16) or blocks (Q8_0)
} pc;

// Writes `value`'s bytes selected by `mask` into word `w`; the whole word plainly when it is
// ours alone.
void store_word(uint w, uint value, uint mask) {
    if (mask == 0xffffffffu) {
        cache[w] = value;
    } else {
        atomicAnd(cache[w], ~mask);
        atomicOr(cache[w], value & mask);
    }
}

void main() {
    const uint item = FLAT_INVOCATION();
    if (item >= pc.n_items) return;
    const uint src0 = pc.base[0] / 4u;
    const uint dst_byte = pc.base[1] + pc.first_byte;
#if defined(KV_F32)
    // F32 rows are 4-byte aligned: one value per word.
    cache[dst_byte / 4u + item] = floatBitsToUint(src[src0 + item]);
#elif defined(KV_F16)
    // Word `item` of the words the range touches; each holds up to two halves.
    const uint first_word = dst_byte / 4u;
    const uint w = first_word + item;
    uint value = 0u, mask = 0u;
    for (uint half_index = 0u; half_index < 2u; ++half_index) {
        const uint byte = w * 4u + half_index * 2u;
        if (byte < dst_byte) continue;
        const uint e = (byte - dst_byte) / 2u;
        if (e >= pc.n) continue;
        value |= f32_to_f16_rne(src[src0 + e]) << (half_index * 16u);
        mask |= 0xffffu << (half_index * 16u);
    }
    store_word(w, value, mask);
#elif defined(KV_Q8_0)
    const uint block = item;
    float amax = 0.0;
    for (uint j = 0u; j < 32u; ++j) amax = max(amax, abs(src[src0 + block * 32u + j]));
    // Both divisions rounded as the CPU's, so the stored bytes match the CPU's exactly.
    const float d = amax >= 127.0 * 65504.0 ? 65504.0 : divide_rounded(amax, 127.0);
    const float id = d != 0.0 ? divide_rounded(1.0, d) : 0.0;
    // The block's 34 bytes: fp16 d, then 32 int8 q.
    uint bytes[34];
    const uint d_bits = f32_to_f16_rne(d);
    bytes[0] = d_bits & 0xffu;
    bytes[1] = d_bits >> 8u;
    for (uint j = 0u; j < 32u; ++j) {
        const float q = clamp(round_half_away(src[src0 + block * 32u + j] * id), -127.0, 127.0);
        bytes[2u + j] = uint(int(q)) & 0xffu;
    }
    const uint start = dst_byte + block * 34u;
    const uint end = start + 34u;
    for (uint w = start / 4u; w * 4u < end; ++w) {
        uint value = 0u, mask = 0u;
        for (uint k = 0u; k < 4u; ++k) {
            const uint byte = w * 4u + k;
            if (byte < start || byte >= end) continue;
            value |= bytes[byte - start] << (k * 8u);
            mask |= 0xffu << (k * 8u);
        }
        store_word(w, value, mask);
    }
#endif
}
