// F16 weights, read as blocks of 8 halves.
#define BLOCK_VALUES 8u
#define BLOCK_BYTES 16u
void dequant8(uint block_byte, uint group, out float v[8]) {
    for (uint i = 0u; i < 4u; ++i) {
        const vec2 pair = unpackHalf2x16(w_u32(block_byte + 4u * i));
        v[2u * i] = pair.x;
        v[2u * i + 1u] = pair.y;
    }
}
