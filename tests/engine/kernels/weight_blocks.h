#pragma once
// Test weights for the integer kernels: rows of packed blocks of any type with a known
// scale layout, filled with random or extreme codes and finite scales, and the per-element
// magnitudes the error bounds are stated against. Test-only; pure functions.

#include "quant/tensor_types.h"

#include <cstdint>
#include <vector>

namespace conclave::test {

// What the code bytes of a block hold, and which scales go with them.
enum class Fill {
    Random, // random bytes; scales of random magnitude and sign
    Zero,   // every byte zero: zero scales, zero codes
    Max,    // every byte 0xff (largest codes and packed sub-scales), positive scales
    MaxNeg, // every byte 0xff, negative scales (MXFP4: the smallest exponent, 2^-127)
    Min,    // every code byte 0x00 (Q3_K's -4, IQ4's -127...), negative d, positive dmin
};
const char* fill_name(Fill fill);

// n standard-normal values, the same for the same seed.
std::vector<float> gaussian(std::size_t n, unsigned seed);

// Written around kernel outputs to catch writes outside them.
inline constexpr float sentinel = -12345.0f;

// Activation rows before quantization.
enum class Act {
    Gaussian,
    Zero,      // an all-zero row: zero scale, zero codes
    Saturated, // +-1 with random signs: every code is +-127
    Spike,     // Gaussian with one element 10^4 times larger: one code +-127, most near 0
};
const char* act_name(Act act);
std::vector<float> activation_values(Act act, std::int64_t n, unsigned seed);

// Relative bound for a kernel against exact math on its inputs: float accumulation and
// fp16/fp32 scale products. Q8_1 stores each block's d * sum(q) as fp16 and the kernels
// use it for the weight minimum's term (the point of the format), which costs up to 2^-11
// of that term.
double exact_bound(quant::TensorType weight);

// Bytes per row of n elements.
std::uint64_t packed_row_bytes(quant::TensorType type, std::int64_t n);

// True when patterned_weights knows where `type` keeps its scales.
bool has_scale_layout(quant::TensorType type);

// `rows` rows of `n` elements with the given fill (the scale layout must be known).
std::vector<unsigned char> patterned_weights(quant::TensorType type, std::int64_t n,
                                             std::int64_t rows, Fill fill, unsigned seed);

// Weights quantized from Gaussian values where the type has a quantizer, otherwise random
// bytes (Fill::Random); empty when neither is possible.
std::vector<unsigned char> random_weights(quant::TensorType type, std::int64_t n, std::int64_t rows,
                                          unsigned seed);

// One dequantized row split into its scale term and its minimum term (w = scaled + minimum;
// minimum is zero for types without one), so bounds can be stated against
// sum_i (|scaled_i| + |minimum_i|) * |a_i| even where the two cancel.
struct SplitRow {
    std::vector<double> scaled, minimum;
};
SplitRow split_row(quant::TensorType type, const unsigned char* row, std::int64_t n);

} // namespace conclave::test
