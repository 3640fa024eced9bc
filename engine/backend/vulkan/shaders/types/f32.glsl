// F32 weights, read as blocks of 8 floats.
#define BLOCK_VALUES 8u
#define BLOCK_BYTES 32u
void dequant8(uint block_byte, uint group, out float v[8]) {
    for (uint i = 0u; i < 8u; ++i) v[i] = uintBitsToFloat(w_u32(block_byte + 4u * i));
}
