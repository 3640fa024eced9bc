#version 450
#extension GL_GOOGLE_include_directive : require
// Per row of n values: out = x / sqrt(mean(x^2) + eps) * weight. One workgroup per row
// ([n, rows]; per-head q/k norms pass x reshaped to [head_dim, n_heads * n_tokens]); each
// thread sums a strided share of the row (consecutive threads read consecutive floats),
// then a tree in shared memory adds the partial sums. out may alias x: every element is
// read before the barrier and written after it by the same thread.
#include "common.glsl"

#define WG 256
layout(local_size_x = WG) in;
layout(set = 0, binding = 0) readonly buffer X { float x[]; };
layout(set = 0, binding = 1) readonly buffer W { float w[]; }; // x again when has_weight == 0
layout(set = 0, binding = 2) buffer Out { float outv[]; };
layout(push_constant) uniform Push {
    uint base[MAX_BINDINGS];
    uint n;
    uint rows;
    float eps;
    uint has_weight;
} pc;

shared float partial[WG];

void main() {
    const uint row = FLAT_WORKGROUP();
    if (row >= pc.rows) return; // uniform per workgroup: no barrier is skipped by part of it
    const uint tid = gl_LocalInvocationID.x;
    const uint src = pc.base[0] / 4u + row * pc.n;
    const uint dst = pc.base[2] / 4u + row * pc.n;
    float sum = 0.0;
    for (uint i = tid; i < pc.n; i += WG) sum += x[src + i] * x[src + i];
    partial[tid] = sum;
    barrier();
    for (uint stride = WG / 2u; stride > 0u; stride >>= 1u) {
        if (tid < stride) partial[tid] += partial[tid + stride];
        barrier();
    }
    const float inv = 1.0 / sqrt(partial[0] / float(pc.n) + pc.eps);
    for (uint i = tid; i < pc.n; i += WG) {
        const float weight = pc.has_weight != 0u ? w[pc.base[1] / 4u + i] : 1.0;
        outv[dst + i] = x[src + i] * inv * weight;
    }
}
