// IQ4_XS (blocks_iq.h): fp16 d, scales_h (2 high bits per sub-block), scales_l[4] (4 low
// bits), then 8 sub-blocks of 32 as IQ4_NL's 16 bytes each; x = d * (scale - 32) * level[q].
#include "iq4_levels.glsl"
#define BLOCK_VALUES 256u
#define BLOCK_BYTES 136u
void dequant8(uint block_byte, uint group, out float v[8]) {
    const uint sub = group / 4u, within = group % 4u;
    const uint low = (w_u8(block_byte + 4u + sub / 2u) >> (4u * (sub & 1u))) & 0xFu;
    const uint high = (w_u16(block_byte + 2u) >> (2u * sub)) & 3u;
    const float d = w_f16(block_byte) * (float(low | (high << 4u)) - 32.0);
    uint q[8];
    nibbles8(block_byte + 8u + 16u * sub + 8u * (within & 1u), within >= 2u, q);
    for (uint i = 0u; i < 8u; ++i) v[i] = d * kvalues_iq4nl[q[i]];
}
