#pragma once
// The per-pair tables of rotary position embedding that every backend shares, so a GPU
// kernel rotates by the angles the CPU reference computes: the base frequency of each
// rotated pair, YaRN's extrapolation mix, and the cos/sin magnitude. Pure functions.

#include "backend/backend.h"

#include <vector>

namespace conclave {

// inv_freq[i] = freq_base^(-2i / n_dims) for i < n_dims / 2 (before the model's
// freq_factors, which divide it).
std::vector<float> rope_inv_freq(const RopeParams& p);
// Per rotated pair: how much of the original (extrapolated) frequency to keep, 0..1 (all
// zero without YaRN). The angle is interpolated + (extrapolated - interpolated) * mix.
std::vector<float> rope_yarn_mix(const RopeParams& p);
// attn_factor, times YaRN's 1 + 0.1 ln(1 / freq_scale) when YaRN is on.
float rope_magnitude(const RopeParams& p);

} // namespace conclave
