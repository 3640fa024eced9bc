// Q4_0 (blocks_legacy.h): fp16 d, 16 bytes; element j in the low nibble of qs[j], j + 16 in
// the high nibble; x = d * (q - 8). Groups 0,1 are low nibbles, 2,3 high.
#define BLOCK_VALUES 32u
#define BLOCK_BYTES 18u
void dequant8(uint block_byte, uint group, out float v[8]) {
    const float d = w_f16(block_byte);
    uint q[8];
    nibbles8(block_byte + 2u + 8u * (group & 1u), group >= 2u, q);
    for (uint i = 0u; i < 8u; ++i) v[i] = d * (float(q[i]) - 8.0);
}
