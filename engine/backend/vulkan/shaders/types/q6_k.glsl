// Q6_K (blocks_k.h): ql[128], qh[64], int8 scales[16], fp16 d. Per 128-value half, element
// 32*quarter + l takes its low 4 bits from ql[64*half + l + 32*(quarter & 1)] (low nibble for
// quarters 0,1, high for 2,3) and its top 2 bits from bits 2*quarter of qh[32*half + l].
// x = d * scale[e / 16] * (q - 32).
#define BLOCK_VALUES 256u
#define BLOCK_BYTES 210u
void dequant8(uint block_byte, uint group, out float v[8]) {
    const uint e = 8u * group;
    const uint half_ = e / 128u, quarter = (e % 128u) / 32u, l = e % 32u;
    const float d = w_f16(block_byte + 208u) * float(bitfieldExtract(int(w_u8(block_byte + 192u + e / 16u)), 0, 8));
    uint low[8];
    nibbles8(block_byte + 64u * half_ + l + 32u * (quarter & 1u), quarter >= 2u, low);
    const uint ha = w_u32(block_byte + 128u + 32u * half_ + l), hb = w_u32(block_byte + 132u + 32u * half_ + l);
    for (uint i = 0u; i < 4u; ++i) {
        v[i] = d * (float(low[i] | (((ha >> (8u * i + 2u * quarter)) & 3u) << 4u)) - 32.0);
        v[i + 4u] = d * (float(low[i + 4u] | (((hb >> (8u * i + 2u * quarter)) & 3u) << 4u)) - 32.0);
    }
}
