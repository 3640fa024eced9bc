#version 450
#extension GL_GOOGLE_include_directive : require
// Rotary position embedding in place on x: [row_width, n_tokens] = [head_dim * n_heads,
// n_tokens]; one invocation per rotated pair (token, head, i < n_dims / 2), so every value is
// read and written by one thread. NORMAL rotates adjacent pairs (2i, 2i+1), NEOX the halves
// (i, i + n_dims/2); dimensions past n_dims are left alone.
// The host computes, per pair, base^(-2i/n_dims) and the YaRN extrapolation mix exactly as
// the CPU does (table), so the angle here differs from the CPU's only by the rounding of
// the few operations below; the angle is reduced to [-pi, pi] before cos/sin because GPU
// sin/cos are only accurate near zero and positions reach the tens of thousands.
#include "common.glsl"
#include "exact_math.glsl"

layout(local_size_x = 256) in;
layout(set = 0, binding = 0) buffer X { float x[]; };
layout(set = 0, binding = 1) readonly buffer Positions { int positions[]; }; // staged, [n_tokens]
layout(set = 0, binding = 2) readonly buffer Table { float table[]; };      // staged, [inv_freq | mix]
layout(set = 0, binding = 3) readonly buffer Factors { float factors[]; };  // [n_dims / 2], or the table
layout(push_constant) uniform Push {
    uint base[MAX_BINDINGS];
    uint row_width;
    uint head_dim;
    uint n_heads;
    uint half_dims;  // n_dims / 2
    uint n_tokens;
    uint neox;
    uint has_factors;
    float freq_scale;
    float magnitude; // attn_factor, times the YaRN magnitude correction when YaRN is on
} pc;

void main() {
    const uint i_flat = FLAT_INVOCATION();
    const uint pairs_per_token = pc.n_heads * pc.half_dims;
    if (i_flat >= pairs_per_token * pc.n_tokens) return;
    const uint t = i_flat / pairs_per_token;
    const uint h = i_flat % pairs_per_token / pc.half_dims;
    const uint i = i_flat % pc.half_dims;

    float inv_freq = table[pc.base[2] / 4u + i];
    if (pc.has_factors != 0u) inv_freq = divide_rounded(inv_freq, factors[pc.base[3] / 4u + i]);
    const float mix = table[pc.base[2] / 4u + pc.half_dims + i];
    // `precise`: no fused multiply-adds, so the angle rounds as the CPU's does.
    precise const float extrapolated = float(positions[pc.base[1] / 4u + t]) * inv_freq;
    precise const float interpolated = extrapolated * pc.freq_scale;
    precise const float theta = interpolated + (extrapolated - interpolated) * mix;
    // theta - k * 2pi, with 2pi split in three floats (Cody-Waite): the first two have 8
    // significant bits, so k * part is exact for |k| < 2^16 (positions up to ~400000) and the
    // subtractions lose nothing; fused multiply-adds would not do, since some drivers
    // (lavapipe among them) evaluate fma as a multiply and an add.
    const float k = round(theta * 0.15915494309189535);
    precise const float reduced = ((theta - k * 6.28125) - k * 0.00193023681640625) - k * 5.070363386039389e-6;
    const float c = cos(reduced) * pc.magnitude, s = sin(reduced) * pc.magnitude;

    const uint head = pc.base[0] / 4u + t * pc.row_width + h * pc.head_dim;
    const uint a = head + (pc.neox != 0u ? i : 2u * i);
    const uint b = head + (pc.neox != 0u ? i + pc.half_dims : 2u * i + 1u);
    const float x0 = x[a], x1 = x[b];
    x[a] = x0 * c - x1 * s;
    x[b] = x0 * s + x1 * c;
}
