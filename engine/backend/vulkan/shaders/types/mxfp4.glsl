// MXFP4 (blocks_mxfp4.h): E8M0 exponent e, 16 bytes of E2M1 codes laid out as Q4_0.
// x = level[q] * 2^(e - 128): the levels are stored doubled, so half the block scale.
#define BLOCK_VALUES 32u
#define BLOCK_BYTES 17u
const float kvalues_mxfp4[16] = float[16](0.0, 1.0, 2.0, 3.0, 4.0, 6.0, 8.0, 12.0,
                                          0.0, -1.0, -2.0, -3.0, -4.0, -6.0, -8.0, -12.0);
void dequant8(uint block_byte, uint group, out float v[8]) {
    const uint e = w_u8(block_byte);
    // e >= 2 is a normal float with exponent e - 1; below that 2^-128 / 2^-127 are
    // subnormal (and may flush to zero on devices without denormals, as weights never use them).
    const float d = e >= 2u ? uintBitsToFloat((e - 1u) << 23u) : uintBitsToFloat(0x00200000u << e);
    uint q[8];
    nibbles8(block_byte + 1u + 8u * (group & 1u), group >= 2u, q);
    for (uint i = 0u; i < 8u; ++i) v[i] = d * kvalues_mxfp4[q[i]];
}
