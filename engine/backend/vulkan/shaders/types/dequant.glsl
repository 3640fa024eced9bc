// The weight type of a matmul shader, chosen by one TYPE_<NAME> define, and the byte readers
// its dequantizer uses. The including shader declares the weights as `uint w_data[]`.
// Every type file defines:
//   BLOCK_VALUES  values per block (plain types: a "block" of 8 values)
//   BLOCK_BYTES   bytes per block, as stored in GGUF
//   void dequant8(uint block_byte, uint group, out float v[8])
//       values 8*group .. 8*group+7 of the block starting at byte `block_byte`, in the
//       order the CPU reference dequantizer (engine/quant) emits them.
// A row is BLOCK_VALUES / 8 groups per block, so kernels walk rows in 8-value groups.

// Byte access to the weights; blocks are 2-byte aligned at best (Q8_0: 34 bytes).
uint w_u8(uint byte) { return READ_U8(w_data, byte); }
// Two bytes: one word load unless they straddle words (fp16 scales are 2-byte aligned).
uint w_u16(uint byte) {
    const uint shift = (byte & 3u) * 8u;
    if (shift < 24u) return (w_data[byte >> 2u] >> shift) & 0xFFFFu;
    return READ_U16(w_data, byte);
}
float w_f16(uint byte) { return unpackHalf2x16(w_u16(byte)).x; }
// Four bytes from any address as one little-endian word: two word loads, not four byte loads.
uint w_u32(uint byte) {
    const uint shift = (byte & 3u) * 8u;
    const uint lo = w_data[byte >> 2u];
    if (shift == 0u) return lo;
    return (lo >> shift) | (w_data[(byte >> 2u) + 1u] << (32u - shift));
}
// Signed byte i (0..3) of a word.
float s8_of(uint word, uint i) { return float(bitfieldExtract(int(word), int(8u * i), 8)); }
// Nibble i (0..7) of a word, low nibble of byte 0 first.
uint nibble_of(uint word, uint i) { return (word >> (4u * i)) & 0xFu; }
// The 8 nibbles (low or high halves) of the 8 bytes at `byte`, in byte order.
void nibbles8(uint byte, bool high, out uint q[8]) {
    const uint a = w_u32(byte), b = w_u32(byte + 4u);
    const uint s = high ? 4u : 0u;
    for (uint i = 0u; i < 4u; ++i) {
        q[i] = (a >> (8u * i + s)) & 0xFu;
        q[i + 4u] = (b >> (8u * i + s)) & 0xFu;
    }
}

#if defined(TYPE_F32)
#include "f32.glsl"
#elif defined(TYPE_F16)
#include "f16.glsl"
#elif defined(TYPE_BF16)
#include "bf16.glsl"
#elif defined(TYPE_Q8_0)
#include "q8_0.glsl"
#elif defined(TYPE_Q4_0)
#include "q4_0.glsl"
#elif defined(TYPE_Q4_1)
#include "q4_1.glsl"
#elif defined(TYPE_Q5_0)
#include "q5_0.glsl"
#elif defined(TYPE_Q5_1)
#include "q5_1.glsl"
#elif defined(TYPE_Q4_K)
#include "q4_k.glsl"
#elif defined(TYPE_Q5_K)
#include "q5_k.glsl"
#elif defined(TYPE_Q6_K)
#include "q6_k.glsl"
#elif defined(TYPE_IQ4_NL)
#include "iq4_nl.glsl"
#elif defined(TYPE_IQ4_XS)
#include "iq4_xs.glsl"
#elif defined(TYPE_MXFP4)
#include "mxfp4.glsl"
#else
#error "define one TYPE_<NAME>"
#endif

#define GROUPS_PER_BLOCK (BLOCK_VALUES / 8u)
