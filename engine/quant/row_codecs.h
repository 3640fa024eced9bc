#pragma once
// Internal: the per-type reference row functions and the table that dispatches to them.
// Callers outside quant/ use dequantize.h / quantize.h, which validate sizes first; these
// functions trust their arguments: `n` is a whole number of blocks and the buffers are big
// enough. Each family file (plain_codecs.cpp, legacy_codecs.cpp, k_dequantize.cpp,
// k_quantize.cpp, iq_dequantize.cpp, ternary_codecs.cpp, mxfp4_codecs.cpp) defines its
// functions and one `register_*` helper that fills its rows of the table.

#include "quant/tensor_types.h"

#include <cstddef>
#include <cstdint>

namespace conclave::quant {

// src: n / block_size packed blocks; dst: n floats.
using DequantizeRowFn = void (*)(const std::uint8_t* src, float* dst, std::int64_t n);
// src: n floats (finite input gives finite blocks); dst: n / block_size packed blocks.
using QuantizeRowFn = void (*)(const float* src, std::uint8_t* dst, std::int64_t n);

// One row of the dispatch table. block_bytes is sizeof the block struct, so the tests can check
// the layouts against the type table without each family repeating the numbers.
struct RowCodec {
    DequantizeRowFn dequantize = nullptr;
    QuantizeRowFn quantize = nullptr;
    std::uint32_t block_bytes = 0;
};

// Largest GGUF type id the table has room for; ids above it are simply unknown.
inline constexpr std::uint32_t max_codec_id = 63;

struct CodecTable {
    RowCodec rows[max_codec_id + 1];
    void set(TensorType type, RowCodec codec) { rows[static_cast<std::uint32_t>(type)] = codec; }
    // For families whose quantizers live in a separate file from their dequantizers.
    void set_quantizer(TensorType type, QuantizeRowFn fn) { rows[static_cast<std::uint32_t>(type)].quantize = fn; }
};

// The table, built once on first use (thread-safe static initialisation).
const CodecTable& codec_table();

void register_plain_codecs(CodecTable& table);
void register_legacy_codecs(CodecTable& table);
void register_k_dequantizers(CodecTable& table);
void register_k_quantizers(CodecTable& table);
void register_iq_codecs(CodecTable& table);
void register_ternary_codecs(CodecTable& table);
void register_mxfp4_codecs(CodecTable& table);

} // namespace conclave::quant
