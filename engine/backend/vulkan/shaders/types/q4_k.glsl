// Q4_K (blocks_k.h): fp16 d, dmin, 12 bytes of 6-bit scales/mins, 128 bytes of nibbles.
// 8 sub-blocks of 32; byte 32*c + l holds element 64*c + l (low nibble) and 64*c + 32 + l
// (high). x = d * scale * q - dmin * min.
#include "k_scales.glsl"
#define BLOCK_VALUES 256u
#define BLOCK_BYTES 144u
void dequant8(uint block_byte, uint group, out float v[8]) {
    const uint sub = group / 4u; // 32 values per sub-block
    float scale, minimum;
    k_scale_min(block_byte + 4u, sub, scale, minimum);
    const float d = w_f16(block_byte) * scale, m = w_f16(block_byte + 2u) * minimum;
    const uint l = 8u * (group % 4u);
    uint q[8];
    nibbles8(block_byte + 16u + 32u * (sub / 2u) + l, (sub & 1u) != 0u, q);
    for (uint i = 0u; i < 8u; ++i) v[i] = d * float(q[i]) - m;
}
