// Scalar integer dot products of K-quant weights with Q8_K activations. A super-block of 256
// holds sub-blocks with 4-bit (Q2_K), 6-bit (Q3_K/Q4_K/Q5_K) or 8-bit (Q6_K) scales; the
// weight minimum of Q2_K/Q4_K/Q5_K multiplies the activation sums per 16 (bsums), so it costs
// one multiply per sub-block instead of one per element.

#include "backend/cpu/block_load.h"
#include "backend/cpu/quant_dot.h"
#include "quant/blocks_k.h"
#include "quant/half.h"
#include "quant/k_scales.h"

#include <cstring>

namespace conclave::cpu {
namespace {

using quant::fp16_to_fp32;
constexpr int qk = quant::qk_k;

// Codes of the 8 sub-blocks of 32 in Q4_K/Q5_K order: chunk c of 64 elements takes the low
// nibbles of qs[32c..32c+31] (sub-block 2c) then the high nibbles (sub-block 2c+1); Q5_K adds
// bit 2c (low half) or 2c+1 (high half) of qh[l] as the fifth bit.
void k4_codes(const std::uint8_t* qs, const std::uint8_t* qh, int (&codes)[qk]) {
    for (int c = 0; c < 4; ++c)
        for (int l = 0; l < 32; ++l) {
            codes[64 * c + l] = qs[32 * c + l] & 0x0f;
            codes[64 * c + 32 + l] = qs[32 * c + l] >> 4;
            if (qh) {
                codes[64 * c + l] |= ((qh[l] >> (2 * c)) & 1) << 4;
                codes[64 * c + 32 + l] |= ((qh[l] >> (2 * c + 1)) & 1) << 4;
            }
        }
}

template <typename Block>
float dot_k4_family(const void* w, const void* a, std::int64_t n, bool fifth_bit) {
    float sum = 0.0f;
    for (std::int64_t b = 0; b < n / qk; ++b) {
        const auto x = load_block<Block>(w, b);
        const auto y = load_block<quant::BlockQ8_K>(a, b);
        int codes[qk];
        if constexpr (sizeof(Block) == sizeof(quant::BlockQ5_K)) k4_codes(x.qs, fifth_bit ? x.qh : nullptr, codes);
        else k4_codes(x.qs, nullptr, codes);
        int scaled = 0, mins = 0;
        for (int sb = 0; sb < 8; ++sb) {
            int scale = 0, min = 0;
            quant::unpack_scale_min_k4(x.scales, sb, scale, min);
            int sumi = 0;
            for (int l = 0; l < 32; ++l) sumi += codes[32 * sb + l] * y.qs[32 * sb + l];
            scaled += scale * sumi;
            mins += min * (y.bsums[2 * sb] + y.bsums[2 * sb + 1]);
        }
        sum += y.d * (fp16_to_fp32(x.d) * static_cast<float>(scaled) - fp16_to_fp32(x.dmin) * static_cast<float>(mins));
    }
    return sum;
}

// Q2_K and Q3_K share the 2-bit plane: byte 32*h + l of qs holds elements 128*h + 32*s + l
// in bits 2s..2s+1 (s = 0..3).
int low2_code(const std::uint8_t* qs, int e) { return (qs[32 * (e / 128) + e % 32] >> (2 * ((e % 128) / 32))) & 3; }

// Q2_K: 16 sub-blocks of 16, scale in the low nibble and minimum in the high nibble of
// scales[g], both multiplied by the super-block's fp16 d and dmin.
float dot_q2_k(const void* w, const void* a, std::int64_t n) {
    float sum = 0.0f;
    for (std::int64_t b = 0; b < n / qk; ++b) {
        const auto x = load_block<quant::BlockQ2_K>(w, b);
        const auto y = load_block<quant::BlockQ8_K>(a, b);
        int scaled = 0, mins = 0;
        for (int g = 0; g < qk / 16; ++g) {
            int sumi = 0;
            for (int l = 0; l < 16; ++l) sumi += low2_code(x.qs, 16 * g + l) * y.qs[16 * g + l];
            scaled += (x.scales[g] & 0x0f) * sumi;
            mins += (x.scales[g] >> 4) * y.bsums[g];
        }
        sum += y.d * (fp16_to_fp32(x.d) * static_cast<float>(scaled) - fp16_to_fp32(x.dmin) * static_cast<float>(mins));
    }
    return sum;
}

// Q3_K: the 2-bit plane plus an inverted third bit (bit e/32 of hmask[e%32]; clear means -4),
// so codes run -4..3; 16 signed 6-bit scales.
float dot_q3_k(const void* w, const void* a, std::int64_t n) {
    float sum = 0.0f;
    for (std::int64_t b = 0; b < n / qk; ++b) {
        const auto x = load_block<quant::BlockQ3_K>(w, b);
        const auto y = load_block<quant::BlockQ8_K>(a, b);
        int scales[16];
        quant::unpack_q3_k_scales(x.scales, scales);
        int total = 0;
        for (int g = 0; g < qk / 16; ++g) {
            int sumi = 0;
            for (int l = 0; l < 16; ++l) {
                const int e = 16 * g + l;
                const int high = (x.hmask[e % 32] >> (e / 32)) & 1;
                sumi += (low2_code(x.qs, e) - (high ? 0 : 4)) * y.qs[e];
            }
            total += scales[g] * sumi;
        }
        sum += y.d * fp16_to_fp32(x.d) * static_cast<float>(total);
    }
    return sum;
}

float dot_q4_k(const void* w, const void* a, std::int64_t n) { return dot_k4_family<quant::BlockQ4_K>(w, a, n, false); }
float dot_q5_k(const void* w, const void* a, std::int64_t n) { return dot_k4_family<quant::BlockQ5_K>(w, a, n, true); }

// Q6_K: each half of 128 holds four runs of 32: low nibbles of ql[0..31], of ql[32..63], high
// nibbles of ql[0..31], of ql[32..63], each with two bits from qh[0..31] (bits 0-1, 2-3, 4-5,
// 6-7); codes are offset by 32 and every 16 share a signed 8-bit scale.
float dot_q6_k(const void* w, const void* a, std::int64_t n) {
    float sum = 0.0f;
    for (std::int64_t b = 0; b < n / qk; ++b) {
        const auto x = load_block<quant::BlockQ6_K>(w, b);
        const auto y = load_block<quant::BlockQ8_K>(a, b);
        int codes[qk];
        for (int half = 0; half < 2; ++half) {
            const std::uint8_t* ql = x.ql + 64 * half;
            const std::uint8_t* qh = x.qh + 32 * half;
            int* out = codes + 128 * half;
            for (int l = 0; l < 32; ++l) {
                out[l] = ((ql[l] & 0x0f) | ((qh[l] & 3) << 4)) - 32;
                out[l + 32] = ((ql[l + 32] & 0x0f) | (((qh[l] >> 2) & 3) << 4)) - 32;
                out[l + 64] = ((ql[l] >> 4) | (((qh[l] >> 4) & 3) << 4)) - 32;
                out[l + 96] = ((ql[l + 32] >> 4) | (((qh[l] >> 6) & 3) << 4)) - 32;
            }
        }
        int total = 0;
        for (int g = 0; g < qk / 16; ++g) {
            int sumi = 0;
            for (int l = 0; l < 16; ++l) sumi += codes[16 * g + l] * y.qs[16 * g + l];
            total += x.scales[g] * sumi;
        }
        sum += y.d * fp16_to_fp32(x.d) * static_cast<float>(total);
    }
    return sum;
}

} // namespace

QuantDotFn quant_dot_k_reference(quant::TensorType weight) {
    using T = quant::TensorType;
    switch (weight) {
    case T::Q2_K: return dot_q2_k;
    case T::Q3_K: return dot_q3_k;
    case T::Q4_K: return dot_q4_k;
    case T::Q5_K: return dot_q5_k;
    case T::Q6_K: return dot_q6_k;
    default: return nullptr;
    }
}

} // namespace conclave::cpu
