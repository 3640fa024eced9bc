#version 450
#extension GL_GOOGLE_include_directive : require
// The clamped SwiGLU of gpt-oss's and DeepSeek V4's experts over n floats, one element per
// invocation, as the CPU backend computes it (backend.h, SwigluClamp): g = min(gate, limit),
// u = clamp(up, -limit, limit), out = g * sigmoid(alpha * g) * (u + up_offset).
// out may alias gate or up: each element is read and written by the same invocation.
#include "common.glsl"

layout(local_size_x = 256) in;
layout(set = 0, binding = 0) readonly buffer Gate { float gate[]; };
layout(set = 0, binding = 1) readonly buffer Up { float up[]; };
layout(set = 0, binding = 2) buffer Out { float outv[]; };
layout(push_constant) uniform Push {
    uint base[MAX_BINDINGS];
    uint n;
    float alpha;
    float limit;
    float up_offset;
} pc;

void main() {
    const uint i = FLAT_INVOCATION();
    if (i >= pc.n) return;
    const float g = min(gate[pc.base[0] / 4u + i], pc.limit);
    const float u = clamp(up[pc.base[1] / 4u + i], -pc.limit, pc.limit);
    // Only g's upper side is clamped: exp(-alpha * g) overflows to Inf for very negative g,
    // and g / Inf is -0, the limit the activation takes there.
    outv[pc.base[2] / 4u + i] = g / (1.0 + exp(-pc.alpha * g)) * (u + pc.up_offset);
}
