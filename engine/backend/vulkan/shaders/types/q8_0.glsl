// Q8_0 (blocks_legacy.h): fp16 d, 32 int8; x = d * q.
#define BLOCK_VALUES 32u
#define BLOCK_BYTES 34u
void dequant8(uint block_byte, uint group, out float v[8]) {
    const float d = w_f16(block_byte);
    const uint a = w_u32(block_byte + 2u + 8u * group), b = w_u32(block_byte + 6u + 8u * group);
    for (uint i = 0u; i < 4u; ++i) {
        v[i] = d * s8_of(a, i);
        v[i + 4u] = d * s8_of(b, i);
    }
}
