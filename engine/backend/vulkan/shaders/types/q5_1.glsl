// Q5_1 (blocks_legacy.h): fp16 d and m, qh and nibbles as Q5_0; x = d * q + m.
#define BLOCK_VALUES 32u
#define BLOCK_BYTES 24u
void dequant8(uint block_byte, uint group, out float v[8]) {
    const float d = w_f16(block_byte), m = w_f16(block_byte + 2u);
    const uint qh = w_u32(block_byte + 4u) >> (8u * group);
    uint q[8];
    nibbles8(block_byte + 8u + 8u * (group & 1u), group >= 2u, q);
    for (uint i = 0u; i < 8u; ++i) v[i] = d * float(q[i] | (((qh >> i) & 1u) << 4u)) + m;
}
