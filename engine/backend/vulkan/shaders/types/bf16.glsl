// BF16 weights, read as blocks of 8: a bf16 is the top half of an f32.
#define BLOCK_VALUES 8u
#define BLOCK_BYTES 16u
void dequant8(uint block_byte, uint group, out float v[8]) {
    for (uint i = 0u; i < 4u; ++i) {
        const uint pair = w_u32(block_byte + 4u * i);
        v[2u * i] = uintBitsToFloat(pair << 16u);
        v[2u * i + 1u] = uintBitsToFloat(pair & 0xFFFF0000u);
    }
}
