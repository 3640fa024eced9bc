// Q5_0 (blocks_legacy.h): fp16 d, 32-bit qh (bit j is element j's fifth bit), nibbles as
// Q4_0; x = d * (q - 16).
#define BLOCK_VALUES 32u
#define BLOCK_BYTES 22u
void dequant8(uint block_byte, uint group, out float v[8]) {
    const float d = w_f16(block_byte);
    const uint qh = w_u32(block_byte + 2u) >> (8u * group);
    uint q[8];
    nibbles8(block_byte + 6u + 8u * (group & 1u), group >= 2u, q);
    for (uint i = 0u; i < 8u; ++i) v[i] = d * (float(q[i] | (((qh >> i) & 1u) << 4u)) - 16.0);
}
