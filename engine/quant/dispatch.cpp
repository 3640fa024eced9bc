// The dispatch table of the reference (de)quantizers and the validating entry points of
// dequantize.h / quantize.h. Adding a type: one row in tensor_types.cpp, one block struct and
// a `table.set(...)` in its family's register_* function; nothing here changes.

#include "quant/dequantize.h"
#include "quant/quantize.h"
#include "quant/row_codecs.h"

#include <string>

namespace conclave::quant {
namespace {

CodecTable build_table() {
    CodecTable table{};
    register_plain_codecs(table);
    register_legacy_codecs(table);
    register_k_dequantizers(table);
    register_k_quantizers(table);
    register_iq_codecs(table);
    register_ternary_codecs(table);
    register_mxfp4_codecs(table);
    return table;
}

// The codec of a type the type table knows, or nullptr. Going through find_tensor_type keeps a
// value cast from an unknown id (e.g. a file from a newer GGUF) from indexing anything.
const RowCodec* find_codec(TensorType type) {
    const auto id = static_cast<std::uint32_t>(type);
    if (id > max_codec_id || !find_tensor_type(id)) return nullptr;
    return &codec_table().rows[id];
}

std::string type_label(TensorType type) {
    const auto id = static_cast<std::uint32_t>(type);
    if (const auto info = find_tensor_type(id)) return std::string(info->name);
    return "tensor type id " + std::to_string(id);
}

// The byte size of a row of n elements, or the error explaining why n does not fit the type.
Result<std::uint64_t> checked_row_bytes(TensorType type, std::int64_t n) {
    if (n < 0) return make_error(ErrorCode::invalid_argument, "negative element count " + std::to_string(n));
    auto bytes = row_bytes(type, static_cast<std::uint64_t>(n));
    if (!bytes) return make_error(ErrorCode::invalid_argument, bytes.error().message);
    return bytes;
}

} // namespace

const CodecTable& codec_table() {
    static const CodecTable table = build_table();
    return table;
}

bool can_dequantize(TensorType type) {
    const RowCodec* codec = find_codec(type);
    return codec != nullptr && codec->dequantize != nullptr;
}

bool can_quantize(TensorType type) {
    const RowCodec* codec = find_codec(type);
    return codec != nullptr && codec->quantize != nullptr;
}

Result<void> dequantize_row(TensorType type, const void* src, std::size_t src_bytes, float* dst, std::int64_t n) {
    const RowCodec* codec = find_codec(type);
    if (codec == nullptr || codec->dequantize == nullptr)
        return make_error(ErrorCode::unsupported, "no dequantizer for " + type_label(type));
    auto bytes = checked_row_bytes(type, n);
    if (!bytes) return bytes.error();
    if (*bytes > src_bytes)
        return make_error(ErrorCode::invalid_argument,
                          "a row of " + std::to_string(n) + " " + type_label(type) + " elements needs " +
                              std::to_string(*bytes) + " bytes, only " + std::to_string(src_bytes) + " given");
    if (n > 0 && (src == nullptr || dst == nullptr))
        return make_error(ErrorCode::invalid_argument, "null buffer passed to dequantize_row");
    if (n > 0) codec->dequantize(static_cast<const std::uint8_t*>(src), dst, n);
    return {};
}

Result<std::size_t> quantize_row(TensorType type, const float* src, std::int64_t n, void* dst,
                                 std::size_t dst_capacity) {
    const RowCodec* codec = find_codec(type);
    if (codec == nullptr || codec->quantize == nullptr)
        return make_error(ErrorCode::unsupported, "no quantizer for " + type_label(type));
    auto bytes = checked_row_bytes(type, n);
    if (!bytes) return bytes.error();
    if (*bytes > dst_capacity)
        return make_error(ErrorCode::invalid_argument,
                          "a row of " + std::to_string(n) + " " + type_label(type) + " elements needs " +
                              std::to_string(*bytes) + " bytes, the buffer holds " + std::to_string(dst_capacity));
    if (n > 0 && (src == nullptr || dst == nullptr))
        return make_error(ErrorCode::invalid_argument, "null buffer passed to quantize_row");
    if (n > 0) codec->quantize(src, static_cast<std::uint8_t*>(dst), n);
    return static_cast<std::size_t>(*bytes);
}

} // namespace conclave::quant
