#version 450
#extension GL_GOOGLE_include_directive : require
// out[:, t] = sum over slots s of weights[s + n_used * t] * x[:, s + n_used * t], slots added
// in order as the CPU does. x: [n, n_used * n_tokens], out: [n, n_tokens]; one output element
// per invocation, so the reads of x rows are consecutive across threads. out must not alias x.
#include "common.glsl"

layout(local_size_x = 256) in;
layout(set = 0, binding = 0) readonly buffer X { float x[]; };
layout(set = 0, binding = 1) readonly buffer Weights { float weights[]; }; // staged, [n_used * n_tokens]
layout(set = 0, binding = 2) buffer Out { float outv[]; };
layout(push_constant) uniform Push {
    uint base[MAX_BINDINGS];
    uint n;        // row length
    uint n_used;
    uint n_tokens;
} pc;

void main() {
    const uint i = FLAT_INVOCATION();
    if (i >= pc.n * pc.n_tokens) return;
    const uint t = i / pc.n, col = i % pc.n;
    float sum = 0.0;
    for (uint s = 0u; s < pc.n_used; ++s) {
        const uint row = s + pc.n_used * t;
        sum += weights[pc.base[1] / 4u + row] * x[pc.base[0] / 4u + row * pc.n + col];
    }
    outv[pc.base[2] / 4u + i] = sum;
}
