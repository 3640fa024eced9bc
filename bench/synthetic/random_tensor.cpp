#include "random_tensor.h"

#include "quant/quantize.h"

#include <cstring>
#include <random>
#include <thread>

namespace conclave::bench {

std::vector<unsigned char> random_tensor(quant::TensorType type, std::int64_t row, std::int64_t rows, float scale,
                                         float offset, std::uint64_t seed) {
    const quant::TensorTypeInfo& info = quant::tensor_type_info(type);
    const std::size_t row_bytes = static_cast<std::size_t>(row) / info.block_size * info.block_bytes;
    std::vector<unsigned char> out(row_bytes * static_cast<std::size_t>(rows));
    const auto work = [&](std::int64_t begin, std::int64_t end) {
        std::mt19937_64 rng(seed ^ static_cast<std::uint64_t>(begin) * 0x9E3779B97F4A7C15ull);
        std::uniform_real_distribution<float> dist(-scale, scale);
        std::vector<float> values(static_cast<std::size_t>(row));
        for (std::int64_t r = begin; r < end; ++r) {
            for (float& v : values) v = offset + dist(rng);
            unsigned char* to = out.data() + static_cast<std::size_t>(r) * row_bytes;
            if (type == quant::TensorType::F32) std::memcpy(to, values.data(), row_bytes);
            else (void)quant::quantize_row(type, values.data(), row, to, row_bytes);
        }
    };
    std::thread second(work, rows / 2, rows);
    work(0, rows / 2);
    second.join();
    return out;
}

std::uint64_t copy_vocabulary(const gguf::GgufFile& source, gguf::GgufWriter& w) {
    std::uint64_t n_vocab = 0;
    for (const auto& [key, value] : source.metadata()) {
        if (!key.starts_with("tokenizer.")) continue;
        w.set(std::string(key), gguf::OwnedValue::copy_of(value));
        if (key == "tokenizer.ggml.tokens") n_vocab = value.size();
    }
    return n_vocab;
}

bool add_random_tensor(gguf::GgufWriter& w, const std::string& name, std::vector<std::uint64_t> shape,
                       quant::TensorType type, float scale, std::uint64_t& seed) {
    std::uint64_t rows = 1;
    for (std::size_t d = 1; d < shape.size(); ++d) rows *= shape[d];
    const float offset = name.find("norm") != std::string::npos ? 1.0f : 0.0f;
    std::vector<unsigned char> data =
        random_tensor(type, static_cast<std::int64_t>(shape[0]), static_cast<std::int64_t>(rows), scale, offset, seed++);
    return w.add_tensor(name, std::move(shape), type, std::move(data)).ok();
}

} // namespace conclave::bench
