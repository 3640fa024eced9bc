// Q5_K (blocks_k.h): Q4_K plus qh[32] at byte 16 (bit `sub` of qh[l] is the fifth bit of
// element 32*sub + l); nibbles at byte 48.
#include "k_scales.glsl"
#define BLOCK_VALUES 256u
#define BLOCK_BYTES 176u
void dequant8(uint block_byte, uint group, out float v[8]) {
    const uint sub = group / 4u;
    float scale, minimum;
    k_scale_min(block_byte + 4u, sub, scale, minimum);
    const float d = w_f16(block_byte) * scale, m = w_f16(block_byte + 2u) * minimum;
    const uint l = 8u * (group % 4u);
    const uint ha = w_u32(block_byte + 16u + l), hb = w_u32(block_byte + 20u + l);
    uint q[8];
    nibbles8(block_byte + 48u + 32u * (sub / 2u) + l, (sub & 1u) != 0u, q);
    for (uint i = 0u; i < 4u; ++i) {
        v[i] = d * float(q[i] | (((ha >> (8u * i + sub)) & 1u) << 4u)) - m;
        v[i + 4u] = d * float(q[i + 4u] | (((hb >> (8u * i + sub)) & 1u) << 4u)) - m;
    }
}
