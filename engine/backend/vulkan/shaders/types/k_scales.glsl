// The 6-bit scale and min of sub-block j (0..7) of Q4_K/Q5_K from the 12 packed bytes at
// `byte` (quant/k_scales.h): sub-blocks 0..3 in the low 6 bits of bytes j and j+4; 4..7 in
// the nibbles of byte j+4 with their top 2 bits in the spare bits of bytes j-4 and j.
void k_scale_min(uint byte, uint j, out float scale, out float minimum) {
    if (j < 4u) {
        scale = float(w_u8(byte + j) & 63u);
        minimum = float(w_u8(byte + j + 4u) & 63u);
    } else {
        const uint packed = w_u8(byte + j + 4u);
        scale = float((packed & 0xFu) | ((w_u8(byte + j - 4u) >> 6u) << 4u));
        minimum = float((packed >> 4u) | ((w_u8(byte + j) >> 6u) << 4u));
    }
}
