#include "weight_blocks.h"

#include "backend/cpu/activation_format.h"

#include "backend/tensor.h"
#include "quant/dequantize.h"
#include "quant/half.h"
#include "quant/quantize.h"

#include <cmath>
#include <cstring>
#include <random>

namespace conclave::test {
namespace {

using quant::TensorType;

// Byte offsets in a block of its fp16 scale and of its fp16 minimum (-1: none). MXFP4 keeps
// an E8M0 exponent byte at offset 0 instead.
struct ScaleLayout {
    TensorType type;
    int d;
    int dmin;
};
constexpr ScaleLayout layouts[] = {
    {TensorType::Q4_0, 0, -1},   {TensorType::Q4_1, 0, 2},    {TensorType::Q5_0, 0, -1},
    {TensorType::Q5_1, 0, 2},    {TensorType::Q8_0, 0, -1},   {TensorType::Q2_K, 80, 82},
    {TensorType::Q3_K, 108, -1}, {TensorType::Q4_K, 0, 2},    {TensorType::Q5_K, 0, 2},
    {TensorType::Q6_K, 208, -1}, {TensorType::IQ4_NL, 0, -1}, {TensorType::IQ4_XS, 0, -1},
    {TensorType::MXFP4, 0, -1},
};

const ScaleLayout* layout_of(TensorType type) {
    for (const ScaleLayout& l : layouts)
        if (l.type == type) return &l;
    return nullptr;
}

void put_half(unsigned char* p, float value) {
    const std::uint16_t h = quant::fp32_to_fp16(value);
    std::memcpy(p, &h, sizeof h);
}

} // namespace

const char* fill_name(Fill fill) {
    switch (fill) {
    case Fill::Random:
        return "random";
    case Fill::Zero:
        return "zero";
    case Fill::Max:
        return "max";
    case Fill::MaxNeg:
        return "maxneg";
    case Fill::Min:
        return "min";
    }
    return "?";
}

std::uint64_t packed_row_bytes(TensorType type, std::int64_t n) {
    Tensor t;
    t.type = type;
    t.ne = {n, 1, 1, 1};
    return t.row_bytes();
}

bool has_scale_layout(TensorType type) {
    return layout_of(type) != nullptr;
}

std::vector<unsigned char> patterned_weights(TensorType type, std::int64_t n, std::int64_t rows,
                                             Fill fill, unsigned seed) {
    const ScaleLayout* layout = layout_of(type);
    if (!layout) return {};
    const std::uint64_t block_bytes = quant::tensor_type_info(type).block_bytes;
    std::vector<unsigned char> out(packed_row_bytes(type, n) * static_cast<std::uint64_t>(rows));
    std::mt19937 rng(seed);
    const unsigned char byte = fill == Fill::Max || fill == Fill::MaxNeg ? 0xff : 0x00;
    for (unsigned char& c : out)
        c = fill == Fill::Random ? static_cast<unsigned char>(rng()) : byte;
    std::uniform_real_distribution<float> log2_scale(-10.0f, -2.0f);
    for (std::uint64_t at = 0; at < out.size(); at += block_bytes) {
        unsigned char* block = out.data() + at;
        if (type == TensorType::MXFP4) {
            // 2^(e-128) per doubled E2M1 level; 0xff would overflow the dequantized values.
            switch (fill) {
            case Fill::Random:
                block[0] = static_cast<unsigned char>(110 + rng() % 30);
                break;
            case Fill::Zero:
                block[0] = 0;
                break;
            case Fill::Max:
                block[0] = 131;
                break;
            case Fill::MaxNeg:
                block[0] = 1;
                break;
            case Fill::Min:
                block[0] = 200;
                break;
            }
            continue;
        }
        float d = 0.0f, dmin = 0.0f;
        switch (fill) {
        case Fill::Random:
            d = std::exp2(log2_scale(rng)) * (rng() % 2 ? 1.0f : -1.0f);
            dmin = std::exp2(log2_scale(rng)) * (rng() % 2 ? 1.0f : -1.0f);
            break;
        case Fill::Zero:
            break;
        case Fill::Max:
            d = dmin = 0.5f;
            break;
        case Fill::MaxNeg:
            d = dmin = -0.5f;
            break;
        case Fill::Min:
            d = -0.5f, dmin = 0.25f;
            break;
        }
        put_half(block + layout->d, d);
        if (layout->dmin >= 0) put_half(block + layout->dmin, dmin);
    }
    return out;
}

const char* act_name(Act act) {
    switch (act) {
    case Act::Gaussian: return "gauss";
    case Act::Zero: return "zero";
    case Act::Saturated: return "sat";
    case Act::Spike: return "spike";
    }
    return "?";
}

std::vector<float> activation_values(Act act, std::int64_t n, unsigned seed) {
    std::mt19937 rng(seed);
    std::normal_distribution<float> dist(0.0f, 1.0f);
    std::vector<float> v(static_cast<std::size_t>(n));
    for (float& x : v) {
        if (act == Act::Gaussian || act == Act::Spike) x = dist(rng);
        else if (act == Act::Saturated) x = rng() % 2 ? 1.0f : -1.0f;
        else x = 0.0f;
    }
    if (act == Act::Spike) v[static_cast<std::size_t>(rng() % static_cast<unsigned>(n))] = -1e4f;
    return v;
}

double exact_bound(TensorType weight) {
    return cpu::activation_format(weight) == TensorType::Q8_1 ? 2e-3 : 1e-5;
}

std::vector<float> gaussian(std::size_t n, unsigned seed) {
    std::mt19937 rng(seed);
    std::normal_distribution<float> dist(0.0f, 1.0f);
    std::vector<float> v(n);
    for (float& x : v) x = dist(rng);
    return v;
}

std::vector<unsigned char> random_weights(TensorType type, std::int64_t n, std::int64_t rows,
                                          unsigned seed) {
    if (!quant::can_quantize(type)) return patterned_weights(type, n, rows, Fill::Random, seed);
    const std::uint64_t bytes = packed_row_bytes(type, n);
    std::vector<unsigned char> out(bytes * static_cast<std::uint64_t>(rows));
    std::mt19937 rng(seed);
    std::normal_distribution<float> dist(0.0f, 1.0f);
    std::vector<float> values(static_cast<std::size_t>(n));
    for (std::int64_t r = 0; r < rows; ++r) {
        for (float& v : values) v = dist(rng);
        if (!quant::quantize_row(type, values.data(), n, out.data() + r * bytes, bytes).ok())
            return {};
    }
    return out;
}

SplitRow split_row(TensorType type, const unsigned char* row, std::int64_t n) {
    const std::uint64_t bytes = packed_row_bytes(type, n);
    const auto count = static_cast<std::size_t>(n);
    std::vector<float> whole(count), scaled_only(count);
    (void)quant::dequantize_row(type, row, bytes, whole.data(), n);
    std::vector<unsigned char> copy(row, row + bytes);
    const ScaleLayout* layout = layout_of(type);
    if (layout && layout->dmin >= 0) {
        const std::uint64_t block_bytes = quant::tensor_type_info(type).block_bytes;
        for (std::uint64_t at = 0; at < bytes; at += block_bytes)
            put_half(copy.data() + at + layout->dmin, 0.0f);
    }
    (void)quant::dequantize_row(type, copy.data(), bytes, scaled_only.data(), n);
    SplitRow split;
    split.scaled.assign(scaled_only.begin(), scaled_only.end());
    split.minimum.resize(count);
    for (std::size_t i = 0; i < count; ++i)
        split.minimum[i] = static_cast<double>(whole[i]) - scaled_only[i];
    return split;
}

} // namespace conclave::test
