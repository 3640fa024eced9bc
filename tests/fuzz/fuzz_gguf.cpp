// libFuzzer target for the GGUF reader: any bytes must either open or give an Error, and an
// opened file's every value and tensor byte must be readable without leaving the buffer.

#include "gguf/gguf_file.h"

#include <cstddef>
#include <cstdint>

namespace {

unsigned touch_value(const conclave::gguf::MetadataValue& value) {
    unsigned sum = 0;
    if (const auto s = value.as_string()) sum += static_cast<unsigned>(s->size());
    if (const auto u = value.as_uint()) sum += static_cast<unsigned>(*u);
    if (const auto f = value.as_float()) sum += static_cast<unsigned>(*f > 0);
    if (!value.is_array()) return sum;
    for (std::uint64_t i = 0; i < value.size() && i < 4096; ++i) {
        if (const auto s = value.string_at(i)) sum += s->empty() ? 0u : static_cast<unsigned char>(s->back());
        if (const auto n = value.int_at(i)) sum += static_cast<unsigned>(*n);
        if (const auto f = value.float_at(i)) sum += static_cast<unsigned>(*f > 0);
    }
    for (const auto& inner : value.nested()) sum += touch_value(inner);
    return sum;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    for (const bool allow_missing : {false, true}) {
        auto opened = conclave::gguf::GgufFile::open_memory(data, size, {.allow_missing_data = allow_missing});
        if (!opened) continue;
        volatile unsigned sink = 0;
        for (const auto& [key, value] : (*opened)->metadata()) sink = sink + static_cast<unsigned>(key.size()) + touch_value(value);
        for (const auto& tensor : (*opened)->tensors()) {
            if (!tensor.data || tensor.n_bytes == 0) continue;
            sink = sink + tensor.data[0] + tensor.data[tensor.n_bytes - 1];
        }
    }
    return 0;
}
