// Reference dequantizers of the i-quants IQ1_S, IQ1_M, IQ2_XXS, IQ2_XS, IQ2_S, IQ3_XXS,
// IQ3_S, IQ4_NL and IQ4_XS. Groups of 8 (IQ3: 4) elements are one codebook row from
// iq_grids.h times a per-32 (or per-16) scale, with one sign bit per element; IQ1 adds a
// +-1/8 shift instead of signs. No quantizers yet: these formats need importance matrices to
// be worth using and the tests do not need them.

#include "quant/blocks_iq.h"
#include "quant/half.h"
#include "quant/iq_grids.h"
#include "quant/quant_math.h"
#include "quant/row_codecs.h"

#include <cstring>

namespace conclave::quant {
namespace {

// Writes 8 grid elements times db, negated where `signs` has the element's bit set.
void emit_signed8(float*& dst, std::uint64_t row, std::uint8_t signs, float db) {
    for (int j = 0; j < 8; ++j)
        *dst++ = db * static_cast<float>(grid_byte(row, j)) * ((signs & kmask_iq2xs[j]) ? -1.0f : 1.0f);
}

std::uint32_t load_u32(const std::uint8_t* p) {
    std::uint32_t v;
    std::memcpy(&v, p, sizeof v);
    return v; // GGUF is little-endian, and so is every machine we build for
}

// Per 32 elements: two 32-bit words; the first holds 4 grid indexes, the second 4 sign
// indexes (7 bits each) and a 4-bit scale in its top bits.
void dequantize_row_iq2_xxs(const std::uint8_t* src, float* dst, std::int64_t n) {
    for (std::int64_t b = 0; b < n / qk_k; ++b) {
        const auto blk = load_block<BlockIQ2_XXS>(src, b);
        const float d = fp16_to_fp32(blk.d);
        const auto* words = reinterpret_cast<const std::uint8_t*>(blk.qs);
        for (int ib = 0; ib < qk_k / 32; ++ib) {
            const std::uint32_t grid_idx = load_u32(words + 8 * ib);
            const std::uint32_t aux = load_u32(words + 8 * ib + 4);
            const float db = d * (0.5f + static_cast<float>(aux >> 28)) * 0.25f;
            for (int l = 0; l < 4; ++l)
                emit_signed8(dst, iq2xxs_grid[(grid_idx >> (8 * l)) & 0xff], ksigns_iq2xs[(aux >> (7 * l)) & 127], db);
        }
    }
}

// Per 8 elements: one 16-bit word, 9-bit grid index and 7-bit sign index; one 4-bit scale
// per 16 elements.
void dequantize_row_iq2_xs(const std::uint8_t* src, float* dst, std::int64_t n) {
    for (std::int64_t b = 0; b < n / qk_k; ++b) {
        const auto blk = load_block<BlockIQ2_XS>(src, b);
        const float d = fp16_to_fp32(blk.d);
        for (int g = 0; g < qk_k / 8; ++g) {
            const int nibble = (blk.scales[g / 4] >> (4 * ((g / 2) % 2))) & 0x0f;
            const float db = d * (0.5f + static_cast<float>(nibble)) * 0.25f;
            emit_signed8(dst, iq2xs_grid[blk.qs[g] & 511], ksigns_iq2xs[blk.qs[g] >> 9], db);
        }
    }
}

// Per 8 elements: a 10-bit grid index (low byte in qs, 2 bits in qh) and an explicit sign
// byte stored 32 bytes further on in qs.
void dequantize_row_iq2_s(const std::uint8_t* src, float* dst, std::int64_t n) {
    for (std::int64_t b = 0; b < n / qk_k; ++b) {
        const auto blk = load_block<BlockIQ2_S>(src, b);
        const float d = fp16_to_fp32(blk.d);
        for (int g = 0; g < qk_k / 8; ++g) {
            const int nibble = (blk.scales[g / 4] >> (4 * ((g / 2) % 2))) & 0x0f;
            const float db = d * (0.5f + static_cast<float>(nibble)) * 0.25f;
            const int index = blk.qs[g] | (((blk.qh[g / 4] >> (2 * (g % 4))) & 3) << 8);
            emit_signed8(dst, iq2s_grid[index], blk.qs[qk_k / 8 + g], db);
        }
    }
}

// Writes 8 elements from two 4-element grid rows times db with signs.
void emit_signed4x2(float*& dst, std::uint32_t row0, std::uint32_t row1, std::uint8_t signs, float db) {
    const std::uint64_t row = static_cast<std::uint64_t>(row0) | (static_cast<std::uint64_t>(row1) << 32);
    emit_signed8(dst, row, signs, db);
}

// 64 grid index bytes (4 elements each), then per 32 elements a word of 4x7 sign bits and a
// 4-bit scale, as IQ2_XXS.
void dequantize_row_iq3_xxs(const std::uint8_t* src, float* dst, std::int64_t n) {
    for (std::int64_t b = 0; b < n / qk_k; ++b) {
        const auto blk = load_block<BlockIQ3_XXS>(src, b);
        const float d = fp16_to_fp32(blk.d);
        for (int ib = 0; ib < qk_k / 32; ++ib) {
            const std::uint32_t aux = load_u32(blk.qs + qk_k / 4 + 4 * ib);
            const float db = d * (0.5f + static_cast<float>(aux >> 28)) * 0.5f;
            for (int l = 0; l < 4; ++l) {
                const std::uint8_t* idx = blk.qs + 8 * ib + 2 * l;
                emit_signed4x2(dst, iq3xxs_grid[idx[0]], iq3xxs_grid[idx[1]], ksigns_iq2xs[(aux >> (7 * l)) & 127], db);
            }
        }
    }
}

// 9-bit grid indexes (low byte in qs, high bit k in qh bit k), explicit sign bits, and a
// 4-bit odd scale (1 + 2 * s) per 32 elements.
void dequantize_row_iq3_s(const std::uint8_t* src, float* dst, std::int64_t n) {
    for (std::int64_t b = 0; b < n / qk_k; ++b) {
        const auto blk = load_block<BlockIQ3_S>(src, b);
        const float d = fp16_to_fp32(blk.d);
        for (int g = 0; g < qk_k / 8; ++g) {
            const int ib = g / 4;
            const float db = d * static_cast<float>(1 + 2 * ((blk.scales[ib / 2] >> (4 * (ib % 2))) & 0x0f));
            int index[2];
            for (int k = 0; k < 2; ++k) {
                const int i = 2 * g + k;
                index[k] = blk.qs[i] | (((blk.qh[i / 8] >> (i % 8)) & 1) << 8);
            }
            emit_signed4x2(dst, iq3s_grid[index[0]], iq3s_grid[index[1]], blk.signs[g], db);
        }
    }
}

constexpr float iq1_delta = 0.125f;

// Writes 8 elements dl * (grid + delta) from an int8 {-1, 0, 1} grid row.
void emit_shifted8(float*& dst, std::uint64_t row, float dl, float delta) {
    for (int j = 0; j < 8; ++j)
        *dst++ = dl * (static_cast<float>(static_cast<std::int8_t>(grid_byte(row, j))) + delta);
}

void dequantize_row_iq1_s(const std::uint8_t* src, float* dst, std::int64_t n) {
    for (std::int64_t b = 0; b < n / qk_k; ++b) {
        const auto blk = load_block<BlockIQ1_S>(src, b);
        const float d = fp16_to_fp32(blk.d);
        for (int ib = 0; ib < qk_k / 32; ++ib) {
            const unsigned qh = blk.qh[ib];
            const float dl = d * static_cast<float>(2 * ((qh >> 12) & 7) + 1);
            const float delta = (qh & 0x8000u) ? -iq1_delta : iq1_delta;
            for (int l = 0; l < 4; ++l) {
                const unsigned index = blk.qs[4 * ib + l] | (((qh >> (3 * l)) & 7u) << 8);
                emit_shifted8(dst, iq1s_grid[index], dl, delta);
            }
        }
    }
}

// IQ1_M has no d field: its fp16 bits are the top nibbles of the four 16-bit scale words.
void dequantize_row_iq1_m(const std::uint8_t* src, float* dst, std::int64_t n) {
    for (std::int64_t b = 0; b < n / qk_k; ++b) {
        const auto blk = load_block<BlockIQ1_M>(src, b);
        std::uint16_t sc[4];
        std::memcpy(sc, blk.scales, sizeof sc);
        const auto d_bits = static_cast<std::uint16_t>((sc[0] >> 12) | ((sc[1] >> 8) & 0x00f0) |
                                                       ((sc[2] >> 4) & 0x0f00) | (sc[3] & 0xf000));
        const float d = fp16_to_fp32(d_bits);
        for (int ib = 0; ib < qk_k / 32; ++ib) {
            for (int l = 0; l < 4; ++l) {
                // 3-bit scale per 16 elements: 4 of them per 16-bit word.
                const int scale = (sc[ib / 2] >> (6 * (ib % 2) + 3 * (l / 2))) & 7;
                const float dl = d * static_cast<float>(2 * scale + 1);
                const unsigned nibble = (blk.qh[2 * ib + l / 2] >> (4 * (l % 2))) & 0x0fu;
                const unsigned index = blk.qs[4 * ib + l] | ((nibble & 7u) << 8);
                emit_shifted8(dst, iq1s_grid[index], dl, (nibble & 8u) ? -iq1_delta : iq1_delta);
            }
        }
    }
}

// 32 elements from 16 bytes of non-linear 4-bit levels: low nibbles first, then high.
void emit_iq4_32(float* dst, const std::uint8_t* qs, float dl) {
    for (int j = 0; j < 16; ++j) {
        dst[j] = dl * static_cast<float>(kvalues_iq4nl[qs[j] & 0x0f]);
        dst[j + 16] = dl * static_cast<float>(kvalues_iq4nl[qs[j] >> 4]);
    }
}

void dequantize_row_iq4_nl(const std::uint8_t* src, float* dst, std::int64_t n) {
    for (std::int64_t b = 0; b < n / 32; ++b, dst += 32) {
        const auto blk = load_block<BlockIQ4_NL>(src, b);
        emit_iq4_32(dst, blk.qs, fp16_to_fp32(blk.d));
    }
}

void dequantize_row_iq4_xs(const std::uint8_t* src, float* dst, std::int64_t n) {
    for (std::int64_t b = 0; b < n / qk_k; ++b) {
        const auto blk = load_block<BlockIQ4_XS>(src, b);
        const float d = fp16_to_fp32(blk.d);
        for (int ib = 0; ib < qk_k / 32; ++ib, dst += 32) {
            const int low = (blk.scales_l[ib / 2] >> (4 * (ib % 2))) & 0x0f;
            const int high = (blk.scales_h >> (2 * ib)) & 3;
            emit_iq4_32(dst, blk.qs + 16 * ib, d * static_cast<float>((low | (high << 4)) - 32));
        }
    }
}

} // namespace

void register_iq_codecs(CodecTable& table) {
    table.set(TensorType::IQ2_XXS, {dequantize_row_iq2_xxs, nullptr, sizeof(BlockIQ2_XXS)});
    table.set(TensorType::IQ2_XS, {dequantize_row_iq2_xs, nullptr, sizeof(BlockIQ2_XS)});
    table.set(TensorType::IQ2_S, {dequantize_row_iq2_s, nullptr, sizeof(BlockIQ2_S)});
    table.set(TensorType::IQ3_XXS, {dequantize_row_iq3_xxs, nullptr, sizeof(BlockIQ3_XXS)});
    table.set(TensorType::IQ3_S, {dequantize_row_iq3_s, nullptr, sizeof(BlockIQ3_S)});
    table.set(TensorType::IQ1_S, {dequantize_row_iq1_s, nullptr, sizeof(BlockIQ1_S)});
    table.set(TensorType::IQ1_M, {dequantize_row_iq1_m, nullptr, sizeof(BlockIQ1_M)});
    table.set(TensorType::IQ4_NL, {dequantize_row_iq4_nl, nullptr, sizeof(BlockIQ4_NL)});
    table.set(TensorType::IQ4_XS, {dequantize_row_iq4_xs, nullptr, sizeof(BlockIQ4_XS)});
}

} // namespace conclave::quant
