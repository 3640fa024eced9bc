// IQ4_NL (blocks_iq.h): fp16 d, 16 bytes of nibbles laid out as Q4_0; x = d * level[q].
#include "iq4_levels.glsl"
#define BLOCK_VALUES 32u
#define BLOCK_BYTES 18u
void dequant8(uint block_byte, uint group, out float v[8]) {
    const float d = w_f16(block_byte);
    uint q[8];
    nibbles8(block_byte + 2u + 8u * (group & 1u), group >= 2u, q);
    for (uint i = 0u; i < 8u; ++i) v[i] = d * kvalues_iq4nl[q[i]];
}
