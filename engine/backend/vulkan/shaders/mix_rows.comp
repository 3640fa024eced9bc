#version 450
#extension GL_GOOGLE_include_directive : require
// Small per-group mixes of rows (Backend::mix_rows, DeepSeek V4's hyper-connection streams):
// out[:, o + n_out * g] = sum over i < n_in of weights[i + n_in * (o + n_out * g)] *
// x[:, i + n_in * g]. x: [n, n_in * groups], out: [n, n_out * groups], weights staged
// [n_in * n_out * groups]. One output element per invocation, so consecutive threads read
// consecutive values of an x row; inputs are added in order i = 0.. as the CPU does. out must
// not alias x.
#include "common.glsl"

layout(local_size_x = 256) in;
layout(set = 0, binding = 0) readonly buffer X { float x[]; };
layout(set = 0, binding = 1) readonly buffer Weights { float weights[]; };
layout(set = 0, binding = 2) buffer Out { float outv[]; };
layout(push_constant) uniform Push {
    uint base[MAX_BINDINGS];
    uint n;        // row length
    uint n_in;
    uint n_out;
    uint out_rows; // n_out * groups
} pc;

void main() {
    const uint i = FLAT_INVOCATION();
    if (i >= pc.n * pc.out_rows) return;
    const uint row = i / pc.n, col = i % pc.n;
    const uint g = row / pc.n_out;
    float sum = 0.0;
    for (uint s = 0u; s < pc.n_in; ++s)
        sum += weights[pc.base[1] / 4u + s + pc.n_in * row] * x[pc.base[0] / 4u + (s + pc.n_in * g) * pc.n + col];
    outv[pc.base[2] / 4u + i] = sum;
}
